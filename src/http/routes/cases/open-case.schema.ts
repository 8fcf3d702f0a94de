import { z } from 'zod';
import { RequestSchema } from '../../../domain/contract/case.schema.ts';
import { CustomerFieldsSchema, STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { optionalIdempotencyHeaders, replayedResponseHeaders } from '../../idempotency-key.schema.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { CaseViewSchema } from './case-view.schema.ts';

/** A question with nothing to decide. */
export const InquirySchema = z.strictObject({ type: z.literal('inquiry') });

export const OpenCaseBodySchema = CustomerFieldsSchema.extend({
  request: z
    .discriminatedUnion('type', [InquirySchema, RequestSchema])
    .describe('a request of the decision contract (case.schema.json `request`), or `{ "type": "inquiry" }`'),
  message: z.string().min(1).max(10_000).optional().describe('the first message; an inquiry needs one'),
}).strict();

/** Docs of POST /api/v1/shops/:id/cases. */
export const openCaseSchema = {
  operationId: 'openCase',
  tags: ['cases'],
  summary: 'Open a case: a request, decided at once, or an inquiry',
  description:
    'A customer opens a case about their own order (`orderNumber` and `email`); staff (`Authorization: Bearer`) about any order of the shop, or an inquiry with no order. A request is decided under the policy version in force when the order was placed and stored with its decision, deadlines and what it allows back; the case then stands `decided_approved`, `decided_denied` or `needs_review`. An inquiry stands `inquiry`. With an `Idempotency-Key`, a retry within 24 hours answers the first response again instead of opening a second case. Roles: customer, agent, owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  headers: optionalIdempotencyHeaders,
  body: toOpenApiSchema(OpenCaseBodySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    201: { ...toOpenApiSchema(CaseViewSchema), ...replayedResponseHeaders, description: 'The case as opened' },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
