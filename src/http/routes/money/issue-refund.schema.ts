import { z } from 'zod';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { idempotencyHeaders, replayedResponseHeaders } from '../../idempotency-key.schema.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { AmountCentsSchema, CaseMoneySchema, CaseParamsSchema, LedgerEntrySchema } from './money.schema.ts';

/** A refund to the original payment method. */
export const IssueRefundBodySchema = z.strictObject({
  amountCents: AmountCentsSchema,
  reference: z.string().min(1).max(200).optional().describe('the payment provider’s reference, if any'),
});

/** The refund booked and the case's money after it. */
export const RefundIssuedSchema = z.object({ entry: LedgerEntrySchema, caseMoney: CaseMoneySchema });

/** Docs of POST /api/v1/cases/:id/refunds. */
export const issueRefundSchema = {
  operationId: 'issueRefund',
  tags: ['money'],
  summary: 'Refund a case to the original payment method',
  description: `Refunds part or all of what the case's decision allows, to the order's payment method: one ledger entry (\`refund\` when it returns everything at once, else \`partial_refund\`) and an audit row, in one transaction. More than is left is 409 OVER_REFUND, the database's CHECK deciding, so simultaneous clicks book exactly what fits. Needs an \`Idempotency-Key\`. Staff only: \`Authorization: Bearer <token>\`.`,
  security: STAFF_ONLY,
  params: toOpenApiSchema(CaseParamsSchema),
  headers: idempotencyHeaders,
  body: toOpenApiSchema(IssueRefundBodySchema, 'input'),
  response: {
    201: {
      ...toOpenApiSchema(RefundIssuedSchema),
      ...replayedResponseHeaders,
      description: 'The refund booked (or, on a retry, the first answer)',
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
