import { CaseSchema } from '../../domain/contract/case.schema.ts';
import { DecisionSchema } from '../../domain/contract/decision.schema.ts';
import { errorResponses } from '../http-errors.ts';
import { toOpenApiSchema } from '../openapi-schema.ts';

/** Docs of POST /api/v1/decide; the body is validated by CaseSchema in the handler, not from this schema. */
export const decideSchema = {
  operationId: 'decide',
  tags: ['decisions'],
  summary: 'Decide an after-sales case',
  description:
    'Applies the shop’s policy to one case of the decision contract (case.schema.json) and answers the decision (decision.schema.json): the outcome, the remedies on offer, money, deadlines, requirements, and the clauses with the shop’s own sentences behind it. A case that does not match the contract is refused with 400 naming the field; a shop with no policy with 404.',
  body: toOpenApiSchema(CaseSchema, 'input'),
  response: {
    200: { ...toOpenApiSchema(DecisionSchema), description: 'The decision' },
    ...errorResponses(400, 404),
  },
};
