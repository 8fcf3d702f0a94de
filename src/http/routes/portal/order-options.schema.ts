import { z } from 'zod';
import {
  CONDITION_FACTS,
  ReasonSchema,
  RequestTypeSchema,
  ResolutionSchema,
} from '../../../domain/contract/case.schema.ts';
import { OutcomeSchema, ReasonCitationSchema } from '../../../domain/contract/decision.schema.ts';
import { STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CustomerQuerySchema } from '../cases/get-case.schema.ts';
import { OrderParamsSchema } from '../params.schema.ts';

/** The last moment a request may be made: the instant, and its date in the shop's time zone. */
export const DeadlineSchema = z.object({
  at: z.string().describe('ISO 8601 instant (UTC)'),
  localDate: z.string().describe('the date of `at` in the shop’s time zone, YYYY-MM-DD'),
});

/** What one kind of request would get now. */
export const RequestOptionSchema = z.object({
  type: RequestTypeSchema,
  reason: ReasonSchema.describe('the reason the option was decided for'),
  outcome: OutcomeSchema,
  resolutions: z.array(ResolutionSchema),
  returnRequired: z.boolean(),
  returnShippingPaidBy: z.enum(['shop', 'customer']).nullable(),
  deadline: DeadlineSchema.nullable().describe('until when the request may be made; null when no window closes it'),
  reasons: z.array(ReasonCitationSchema).describe('the shop’s sentences behind the outcome'),
  questions: z
    .array(z.object({ fact: z.enum(CONDITION_FACTS), question: z.string() }))
    .describe('what the policy needs to know about the goods'),
  reasonChoices: z.array(ReasonSchema).describe('the reasons a customer picks from for this kind of request'),
  lines: z.array(
    z.object({
      id: z.string(),
      title: z.string().nullable(),
      outcome: OutcomeSchema,
      deadline: DeadlineSchema.nullable(),
    }),
  ),
});

/** Each kind of request that makes sense for the order now, decided. */
export const OrderOptionsSchema = z.object({
  timeZone: z.string().describe('the shop’s time zone'),
  now: z.string().describe('the moment the options were decided for'),
  options: z.array(RequestOptionSchema),
});

/** Docs of GET /api/v1/shops/:id/orders/:number/options. */
export const orderOptionsSchema = {
  operationId: 'getOrderOptions',
  tags: ['orders'],
  summary: 'What the customer may ask for now, decided by the shop’s policy',
  description:
    'Each kind of request that makes sense for where the order is (before it ships: cancel, change the address; on its way: report a problem; delivered: return, exchange, warranty, report a problem), decided now by the engine under the policy version in force when the order was placed: the outcome, the remedies on offer, who pays return shipping, the deadline (its instant and its date in the shop’s time zone), the shop’s sentences, the questions about the goods the policy needs, and each line’s own outcome and deadline. Nothing is stored. Roles: customer, agent, owner.',
  params: toOpenApiSchema(OrderParamsSchema),
  querystring: toOpenApiSchema(CustomerQuerySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: { ...toOpenApiSchema(OrderOptionsSchema), description: 'The options' },
    ...errorResponses(400, 401, 403, 404),
  },
};
