import { STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CustomerQuerySchema } from '../cases/get-case.schema.ts';
import { OrderParamsSchema } from '../params.schema.ts';
import { OrderViewSchema } from './order-view.schema.ts';

/** Docs of GET /api/v1/shops/:id/orders/:number. */
export const getOrderSchema = {
  operationId: 'getOrder',
  tags: ['orders'],
  summary: 'An order with its lines, parcels, delivery estimate and cases',
  description:
    'The order facts and lines, its parcels both ways, when it ships and arrives (from the shop’s processing times, ship days and transit times), the policy version it falls under, and its cases. Customers add `?orderNumber=…&email=…`. Roles: customer, agent, owner.',
  params: toOpenApiSchema(OrderParamsSchema),
  querystring: toOpenApiSchema(CustomerQuerySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: { ...toOpenApiSchema(OrderViewSchema), description: 'The order' },
    ...errorResponses(400, 401, 403, 404),
  },
};
