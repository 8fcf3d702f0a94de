import type { FastifyPluginAsync } from 'fastify';
import { readGiftCardCodeOrThrow } from '../../../services/money/gift-card-not-found.ts';
import { resolveMoneyShop } from '../../../services/money/resolve-money-shop.ts';
import { spendGiftCard } from '../../../services/money/spend-gift-card.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { readIdempotencyKey, sendIdempotent } from '../../send-idempotent.ts';
import { GiftCardParamsSchema } from './money.schema.ts';
import { SpendGiftCardBodySchema, spendGiftCardSchema } from './spend-gift-card.schema.ts';

const ROUTE = 'POST /api/v1/gift-cards/:code/spend';

/** POST /api/v1/gift-cards/:code/spend: spends down a balance, once per Idempotency-Key. */
export const spendGiftCardRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/gift-cards/:code/spend', { schema: spendGiftCardSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const actor = auth.requireStaff(request);
    const key = readIdempotencyKey(request);
    const code = readGiftCardCodeOrThrow(parseInput(GiftCardParamsSchema, request.params).code);
    const body = parseInput(SpendGiftCardBodySchema, request.body);
    const shopId = await resolveMoneyShop(ctx, actor, { giftCardCode: code });
    const input = { code, ...body };
    return sendIdempotent(ctx, reply, {
      route: ROUTE,
      key,
      shopId,
      input,
      work: async (inTx) => ({
        status: 201,
        body: await spendGiftCard(inTx, actor, { ...input, idempotencyKey: key }),
      }),
    });
  });
};
