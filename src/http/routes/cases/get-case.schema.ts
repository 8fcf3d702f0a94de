import { CustomerFieldsSchema, STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { CaseViewSchema } from './case-view.schema.ts';

/** The query of a customer's GET: their order number and email. */
export const CustomerQuerySchema = CustomerFieldsSchema.strict();

/** Docs of GET /api/v1/cases/:id. */
export const getCaseSchema = {
  operationId: 'getCase',
  tags: ['cases'],
  summary: 'A case with its decision, reasons, audit trail, messages and allowed actions',
  description:
    'Everything about one case: the decision and the shop’s sentences behind it, the policy version it was decided under, deadlines and what is due, money allowed back and refunded, the audit trail, the conversation, and the actions the caller’s role can take now. Customers add `?orderNumber=…&email=…` of the case’s order; staff send their token. Roles: customer, agent, owner.',
  params: toOpenApiSchema(CaseParamsSchema),
  querystring: toOpenApiSchema(CustomerQuerySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: { ...toOpenApiSchema(CaseViewSchema), description: 'The case' },
    ...errorResponses(400, 401, 403, 404),
  },
};
