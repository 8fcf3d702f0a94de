import { z } from 'zod';
import { LEDGER_KINDS } from '../../../storage/schema/ledger-entries.ts';

/** The largest amount the database holds (a PostgreSQL `integer`): 21 474 836.47 in a currency's cents. */
export const MAX_CENTS = 2_147_483_647;

/** An amount of money: a positive whole number of cents of the case's (or card's) currency. */
export const AmountCentsSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_CENTS)
  .describe('a whole number of cents (minor units) of the currency, at least 1');

/** `:id` of the case routes. */
export const CaseParamsSchema = z.object({ id: z.string().min(1).describe('the case id') });

/** `:code` of the gift-card routes. */
export const GiftCardParamsSchema = z.object({
  code: z.string().describe('the gift-card code, XXXX-XXXX-XXXX-XXXX; case, spaces and hyphens do not matter'),
});

/** One row of the money ledger; the kind gives the direction, the amount is always positive. */
export const LedgerEntrySchema = z.object({
  id: z.string(),
  shopId: z.string(),
  caseId: z.string().nullable(),
  kind: z.enum(LEDGER_KINDS),
  amountCents: z.number().int(),
  currency: z.string(),
  method: z.string().nullable().describe('how the money moved: the order’s payment method for a refund, gift_card'),
  reference: z
    .string()
    .nullable()
    .describe('the gift-card code of store credit, the reason of a charge or fee, the reference given with a refund'),
  idempotencyKey: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});

/** What a case's decision allows back, what has gone back (refunds and store credit), and what is left. */
export const CaseMoneySchema = z.object({
  currency: z.string(),
  refundableCents: z.number().int(),
  refundedCents: z.number().int(),
  leftToRefundCents: z.number().int(),
});

/** A gift card as its holder sees it. */
export const GiftCardSchema = z.object({
  code: z.string(),
  shopId: z.string(),
  currency: z.string(),
  initialCents: z.number().int(),
  balanceCents: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
