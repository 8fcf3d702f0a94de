import { z } from 'zod';
import { ConditionSchema, InstantSchema, ResolutionSchema } from '../../../domain/contract/case.schema.ts';
import { OutcomeSchema } from '../../../domain/contract/decision.schema.ts';
import { CustomerFieldsSchema, STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { MAX_CENTS } from '../money/money.schema.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { CaseActionSchema, CaseViewSchema } from './case-view.schema.ts';

export const CaseActionParamsSchema = CaseParamsSchema.extend({ action: CaseActionSchema });

/** The revision the caller saw, and the inputs the action takes (case-states.ts says which it needs). */
export const CaseActionBodySchema = CustomerFieldsSchema.extend({
  revision: z.number().int().min(0).describe('the case’s revision as the caller last read it'),
  outcome: OutcomeSchema.optional().describe('decide, review, conclude_investigation'),
  reason: z.string().max(5000).optional().describe('review, override, and closing a case refused at inspection'),
  returnAddress: z.string().max(1000).optional().describe('authorize; default: the shop’s contact address'),
  instructions: z.string().max(5000).optional().describe('authorize; default: written from the decision'),
  shipBy: InstantSchema.optional().describe('authorize; default: the decision’s return deadline'),
  trackingNumber: z.string().min(1).max(100).optional().describe('ship_return'),
  findings: z
    .array(z.strictObject({ id: z.string(), condition: ConditionSchema }))
    .optional()
    .describe('inspect: the condition found per returned line'),
  resolution: ResolutionSchema.optional().describe('resolve'),
  amount: z.number().int().positive().max(MAX_CENTS).optional().describe('quote_repair, in cents'),
  description: z.string().max(5000).optional().describe('quote_repair'),
  claimReference: z.string().max(200).optional().describe('open_investigation'),
  answer: z.string().max(10_000).optional().describe('answer_inquiry'),
}).strict();

/** Docs of POST /api/v1/cases/:id/actions/:action. */
export const takeCaseActionSchema = {
  operationId: 'takeCaseAction',
  tags: ['cases'],
  summary: 'Move a case by one action of its lifecycle',
  description:
    'Actions and who may take them follow the lifecycle table (docs/decisions/007-case-lifecycle.md): staff `decide`, `review`, `override` (with a reason), `authorize` (Loupe makes the authorization number; the return address, instructions and ship-by date default from the policy and decision), `receive`, `inspect` (re-decides with the findings; the refundable amount can only shrink), `resolve` (a remake, replacement, exchange or reship makes a new order), `close`, `quote_repair`, `open_investigation`, `conclude_investigation`, `answer_inquiry`; customers and staff `ship_return`, `withdraw`, `accept_quote`, `decline_quote`; `expire` is Loupe’s own. Send the `revision` you read: if the case moved since, 409 `CONFLICT`. A move the state does not allow is 409 `ILLEGAL_TRANSITION`, a role that may not take it 403, a missing input 400 `MISSING_INPUT` naming it; the case is then unchanged. Roles: customer, agent, owner.',
  params: toOpenApiSchema(CaseActionParamsSchema),
  body: toOpenApiSchema(CaseActionBodySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: { ...toOpenApiSchema(CaseViewSchema), description: 'The case after the action' },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
