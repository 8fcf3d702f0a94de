import type { FastifyPluginAsync } from 'fastify';
import { getShopHelp } from '../../../services/help/get-shop-help.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { getShopHelpSchema } from './get-shop-help.schema.ts';

/** GET /api/v1/shops/:id/help: the shop's help center, public. */
export const getShopHelpRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/shops/:id/help', { schema: getShopHelpSchema }, async (request) => {
    const { context: ctx } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    return getShopHelp(ctx, id);
  });
};
