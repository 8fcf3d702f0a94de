import { z } from 'zod';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { idempotencyHeaders, replayedResponseHeaders } from '../../idempotency-key.schema.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { AmountCentsSchema, GiftCardParamsSchema, GiftCardSchema, LedgerEntrySchema } from './money.schema.ts';

/** A purchase paid (partly) with the card. */
export const SpendGiftCardBodySchema = z.strictObject({
  amountCents: AmountCentsSchema,
  reference: z.string().min(1).max(200).optional().describe('what it paid for, e.g. an order number'),
});

/** The card after the spend, and the ledger entry. */
export const GiftCardSpentSchema = z.object({ giftCard: GiftCardSchema, entry: LedgerEntrySchema });

/** Docs of POST /api/v1/gift-cards/:code/spend. */
export const spendGiftCardSchema = {
  operationId: 'spendGiftCard',
  tags: ['money'],
  summary: 'Spend down a gift card',
  description: `Takes the amount off the card's balance, with a \`gift_card_spend\` ledger entry and an audit row. More than the balance is 409 INSUFFICIENT_BALANCE, the database's CHECK deciding, so simultaneous spends never take a card below zero. Needs an \`Idempotency-Key\`. Staff only: \`Authorization: Bearer <token>\`.`,
  security: STAFF_ONLY,
  params: toOpenApiSchema(GiftCardParamsSchema),
  headers: idempotencyHeaders,
  body: toOpenApiSchema(SpendGiftCardBodySchema, 'input'),
  response: {
    201: {
      ...toOpenApiSchema(GiftCardSpentSchema),
      ...replayedResponseHeaders,
      description: 'The card after the spend (or the first answer)',
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
