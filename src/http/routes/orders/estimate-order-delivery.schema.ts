import { STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CustomerQuerySchema } from '../cases/get-case.schema.ts';
import { OrderParamsSchema } from '../params.schema.ts';
import { DeliveryEstimateSchema } from './order-view.schema.ts';

/** Docs of GET /api/v1/shops/:id/orders/:number/delivery-estimate. */
export const estimateOrderDeliverySchema = {
  operationId: 'estimateOrderDelivery',
  tags: ['orders'],
  summary: '“When will my order arrive?”',
  description:
    'When the order ships and arrives, as date ranges in the shop’s time zone: processing time (ready-to-ship or made-to-order), the next ship day for the destination (weekends and public holidays skipped), then transit time, each sentence of the shop cited; once shipped, from the ship date. A time the policy does not give is `null` and named in `missing`. Roles: customer, agent, owner.',
  params: toOpenApiSchema(OrderParamsSchema),
  querystring: toOpenApiSchema(CustomerQuerySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: { ...toOpenApiSchema(DeliveryEstimateSchema), description: 'The estimate' },
    ...errorResponses(400, 401, 403, 404),
  },
};
