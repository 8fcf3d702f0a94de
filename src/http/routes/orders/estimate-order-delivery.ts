import type { FastifyPluginAsync } from 'fastify';
import { estimateOrderDelivery } from '../../../services/estimate-order-delivery.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { CustomerQuerySchema } from '../cases/get-case.schema.ts';
import { OrderParamsSchema } from '../params.schema.ts';
import { estimateOrderDeliverySchema } from './estimate-order-delivery.schema.ts';

/** GET /api/v1/shops/:id/orders/:number/delivery-estimate: when the order ships and arrives. */
export const estimateOrderDeliveryRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get(
    '/api/v1/shops/:id/orders/:number/delivery-estimate',
    { schema: estimateOrderDeliverySchema },
    async (request) => {
      const { context: ctx, auth } = deskDeps(options);
      const { id, number } = parseInput(OrderParamsSchema, request.params);
      const query = parseInput(CustomerQuerySchema, request.query);
      return estimateOrderDelivery(ctx, await auth.identify(request, { shopId: id }, query), id, number);
    },
  );
};
