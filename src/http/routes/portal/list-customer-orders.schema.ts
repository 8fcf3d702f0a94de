import { z } from 'zod';
import { CategorySchema } from '../../../domain/contract/case.schema.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';

/** One of a signed-in customer's orders. */
export const CustomerOrderSchema = z.object({
  shop: z.string(),
  number: z.string(),
  placedAt: z.string(),
  currency: z.string(),
  totalCents: z.number().int().describe('what the lines and shipping cost, after line discounts'),
  delivered: z.boolean(),
  lines: z.array(
    z.object({ id: z.string(), title: z.string().nullable(), category: CategorySchema, quantity: z.number().int() }),
  ),
});

/** Docs of GET /api/v1/sessions/current/orders. */
export const listCustomerOrdersSchema = {
  operationId: 'listCustomerOrders',
  tags: ['people'],
  summary: 'A signed-in customer’s orders',
  description:
    'The orders the customer’s session covers, newest first: the one they looked up, or after an emailed sign-in link all their orders with the shop. 401 without a session; 403 for staff. Roles: customer.',
  security: [{ session: [] }],
  response: {
    200: { ...toOpenApiSchema(z.array(CustomerOrderSchema)), description: 'The orders' },
    ...errorResponses(401, 403),
  },
};
