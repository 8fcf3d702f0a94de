import type { FastifyPluginAsync } from 'fastify';
import { assertStaffOfShop } from '../../../services/assert-staff-of-shop.ts';
import { importOrder } from '../../../services/import-order.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { readOptionalIdempotencyKey, sendIdempotent } from '../../send-idempotent.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { ImportOrderBodySchema, importOrderSchema } from './import-order.schema.ts';
import type { OrderViewBody } from './order-view.schema.ts';

const ROUTE = 'POST /api/v1/shops/:id/orders';

/** POST /api/v1/shops/:id/orders: an order in from the shop's platform, by staff; once per Idempotency-Key, if given. */
export const importOrderRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/orders', { schema: importOrderSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const actor = auth.requireStaff(request);
    const key = readOptionalIdempotencyKey(request);
    const body = parseInput(ImportOrderBodySchema, request.body);
    if (key !== undefined) await assertStaffOfShop(ctx, actor, id);
    const input = { shopId: id, ...body };
    return sendIdempotent(ctx, reply, {
      route: ROUTE,
      key,
      shopId: id,
      input,
      work: async (inTx): Promise<{ status: number; body: OrderViewBody }> => {
        const { created, order } = await importOrder(inTx, actor, input);
        return { status: created ? 201 : 200, body: order };
      },
    });
  });
};
