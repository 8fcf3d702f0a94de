import type { FastifyPluginAsync } from 'fastify';
import { getOrder } from '../../../services/get-order.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { CustomerQuerySchema } from '../cases/get-case.schema.ts';
import { OrderParamsSchema } from '../params.schema.ts';
import { getOrderSchema } from './get-order.schema.ts';
import type { OrderViewBody } from './order-view.schema.ts';

/** GET /api/v1/shops/:id/orders/:number: one order, for its customer or the shop's staff. */
export const getOrderRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/shops/:id/orders/:number', { schema: getOrderSchema }, async (request): Promise<OrderViewBody> => {
    const { context: ctx, auth } = deskDeps(options);
    const { id, number } = parseInput(OrderParamsSchema, request.params);
    const query = parseInput(CustomerQuerySchema, request.query);
    return getOrder(ctx, await auth.identify(request, { shopId: id }, query), id, number);
  });
};
