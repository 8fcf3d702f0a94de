import type { FastifyPluginAsync } from 'fastify';
import { importOrder } from '../../../services/import-order.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { ImportOrderBodySchema, importOrderSchema } from './import-order.schema.ts';
import type { OrderViewBody } from './order-view.schema.ts';

/** POST /api/v1/shops/:id/orders: an order in from the shop's platform, by staff. */
export const importOrderRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post(
    '/api/v1/shops/:id/orders',
    { schema: importOrderSchema },
    async (request, reply): Promise<OrderViewBody> => {
      const { context: ctx, auth } = deskDeps(options);
      const { id } = parseInput(ShopParamsSchema, request.params);
      const actor = auth.requireStaff(request);
      const body = parseInput(ImportOrderBodySchema, request.body);
      const { created, order } = await importOrder(ctx, actor, { shopId: id, ...body });
      reply.status(created ? 201 : 200);
      return order;
    },
  );
};
