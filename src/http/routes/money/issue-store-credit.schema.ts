import { z } from 'zod';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { idempotencyHeaders, replayedResponseHeaders } from '../../idempotency-key.schema.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import {
  AmountCentsSchema,
  CaseMoneySchema,
  CaseParamsSchema,
  GiftCardSchema,
  LedgerEntrySchema,
} from './money.schema.ts';

/** Store credit to give on a case. */
export const IssueStoreCreditBodySchema = z.strictObject({ amountCents: AmountCentsSchema });

/** The gift card issued, its ledger entry, and the case's money after it. */
export const StoreCreditIssuedSchema = z.object({
  giftCard: GiftCardSchema,
  entry: LedgerEntrySchema,
  caseMoney: CaseMoneySchema,
});

/** Docs of POST /api/v1/cases/:id/store-credit. */
export const issueStoreCreditSchema = {
  operationId: 'issueStoreCredit',
  tags: ['money'],
  summary: 'Give store credit on a case as a gift card',
  description: `Issues a gift card with a random, unguessable code (16 characters of Crockford base32, 80 random bits) worth the amount. It counts against what the case may get back exactly like a refund (409 OVER_REFUND past it) and is booked as a \`store_credit\` ledger entry naming the code. Needs an \`Idempotency-Key\`. Staff only: \`Authorization: Bearer <token>\`.`,
  security: STAFF_ONLY,
  params: toOpenApiSchema(CaseParamsSchema),
  headers: idempotencyHeaders,
  body: toOpenApiSchema(IssueStoreCreditBodySchema, 'input'),
  response: {
    201: {
      ...toOpenApiSchema(StoreCreditIssuedSchema),
      ...replayedResponseHeaders,
      description: 'The gift card issued (or the first answer)',
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
