import type { FastifyPluginAsync } from 'fastify';
import { readShopStats } from '../../../services/stats/read-shop-stats.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { getShopStatsSchema, ShopStatsQuerySchema } from './get-shop-stats.schema.ts';

/** GET /api/v1/shops/:id/stats: a shop's case figures for the back office's dashboard. */
export const getShopStatsRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/shops/:id/stats', { schema: getShopStatsSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const { days } = parseInput(ShopStatsQuerySchema, request.query);
    return readShopStats(ctx, auth.requireStaff(request), id, days);
  });
};
