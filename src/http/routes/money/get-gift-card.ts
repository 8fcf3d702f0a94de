import type { FastifyPluginAsync } from 'fastify';
import { getGiftCard } from '../../../services/money/get-gift-card.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { getGiftCardSchema } from './get-gift-card.schema.ts';
import { GiftCardParamsSchema } from './money.schema.ts';

/** GET /api/v1/gift-cards/:code: the balance, for whoever holds the code. */
export const getGiftCardRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/gift-cards/:code', { schema: getGiftCardSchema }, async (request) => {
    const { code } = parseInput(GiftCardParamsSchema, request.params);
    return getGiftCard(deskDeps(options).context, code);
  });
};
