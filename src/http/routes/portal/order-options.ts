import type { FastifyPluginAsync } from 'fastify';
import { listOrderOptions } from '../../../services/portal/list-order-options.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { CustomerQuerySchema } from '../cases/get-case.schema.ts';
import { OrderParamsSchema } from '../params.schema.ts';
import { orderOptionsSchema } from './order-options.schema.ts';

/** GET /api/v1/shops/:id/orders/:number/options: what the customer may ask for now, and until when. */
export const orderOptionsRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/shops/:id/orders/:number/options', { schema: orderOptionsSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id, number } = parseInput(OrderParamsSchema, request.params);
    const query = parseInput(CustomerQuerySchema, request.query);
    return listOrderOptions(ctx, await auth.identify(request, { shopId: id }, query), id, number);
  });
};
