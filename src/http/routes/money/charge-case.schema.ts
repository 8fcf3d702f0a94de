import { z } from 'zod';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { idempotencyHeaders, replayedResponseHeaders } from '../../idempotency-key.schema.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { AmountCentsSchema, CaseParamsSchema, LedgerEntrySchema } from './money.schema.ts';

/** Money the customer owes on a case. */
export const ChargeCaseBodySchema = z.strictObject({
  kind: z
    .enum(['charge', 'restocking_fee'])
    .default('charge')
    .describe(
      '`charge` for what the customer pays (repair materials, reshipping), `restocking_fee` for a fee on a return',
    ),
  amountCents: AmountCentsSchema,
  reason: z.string().trim().min(1).max(500).describe('what it is for, e.g. "repair materials", "reshipping"'),
});

/** The ledger entry booked. */
export const CaseChargeBookedSchema = z.object({ entry: LedgerEntrySchema });

/** Docs of POST /api/v1/cases/:id/charges. */
export const chargeCaseSchema = {
  operationId: 'chargeCase',
  tags: ['money'],
  summary: 'Book a charge or a restocking fee on a case',
  description: `Books money the customer owes (repair materials, reshipping) or a restocking fee as a ledger entry with its reason, and an audit row. It never touches the refund cap. Needs an \`Idempotency-Key\`. Staff only: \`Authorization: Bearer <token>\`.`,
  security: STAFF_ONLY,
  params: toOpenApiSchema(CaseParamsSchema),
  headers: idempotencyHeaders,
  body: toOpenApiSchema(ChargeCaseBodySchema, 'input'),
  response: {
    201: {
      ...toOpenApiSchema(CaseChargeBookedSchema),
      ...replayedResponseHeaders,
      description: 'The entry booked (or the first answer)',
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
