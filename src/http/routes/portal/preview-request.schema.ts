import { z } from 'zod';
import { RequestSchema } from '../../../domain/contract/case.schema.ts';
import { DecisionSchema } from '../../../domain/contract/decision.schema.ts';
import { CustomerFieldsSchema, STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { OrderParamsSchema } from '../params.schema.ts';

/** The body of a preview: a request as POST /shops/:id/cases takes it (an inquiry has nothing to decide). */
export const PreviewRequestBodySchema = CustomerFieldsSchema.extend({
  request: RequestSchema.describe('a request of the decision contract (case.schema.json `request`)'),
  message: z.string().min(1).max(10_000).optional().describe('ignored: the first message of the case to come'),
}).strict();

/** Docs of POST /api/v1/shops/:id/orders/:number/preview. */
export const previewRequestSchema = {
  operationId: 'previewRequest',
  tags: ['orders'],
  summary: 'What a request would get, before it is made',
  description:
    'Decides a request about the order as opening a case would, now and under the policy version in force when the order was placed, and answers the decision (outcome, remedies, money, fees, who pays return shipping, deadlines, the shop’s sentences) without storing anything. Customers identify by their session or `orderNumber` and `email`. Roles: customer, agent, owner.',
  params: toOpenApiSchema(OrderParamsSchema),
  body: toOpenApiSchema(PreviewRequestBodySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: { ...toOpenApiSchema(DecisionSchema), description: 'The decision the request would get' },
    ...errorResponses(400, 401, 403, 404),
  },
};
