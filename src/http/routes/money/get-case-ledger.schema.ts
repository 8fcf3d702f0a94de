import { z } from 'zod';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CaseParamsSchema, LedgerEntrySchema } from './money.schema.ts';

/** A case's money: its entries and the totals. */
export const CaseLedgerSchema = z.object({
  caseId: z.string(),
  currency: z.string().nullable(),
  refundableCents: z.number().int().describe('what the decision allows back; 0 before a decision gives any'),
  refundedCents: z.number().int().describe('refunds and store credit given'),
  leftToRefundCents: z.number().int(),
  chargedCents: z.number().int().describe('charges and restocking fees'),
  entries: z.array(LedgerEntrySchema).describe('oldest first'),
});

/** Docs of GET /api/v1/cases/:id/ledger. */
export const getCaseLedgerSchema = {
  operationId: 'getCaseLedger',
  tags: ['money'],
  summary: 'A case’s ledger and what is left to refund',
  description: `Every money movement of the case, oldest first, with what its decision allows back, what has gone back (refunds and store credit), what is left, and what was charged. Staff only: \`Authorization: Bearer <token>\`.`,
  security: STAFF_ONLY,
  params: toOpenApiSchema(CaseParamsSchema),
  response: {
    200: { ...toOpenApiSchema(CaseLedgerSchema), description: 'The ledger' },
    ...errorResponses(401, 403, 404),
  },
};
