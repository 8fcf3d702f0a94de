import { z } from 'zod';
import { CASE_ACTIONS, CASE_STATES } from '../../../domain/cases/case-states.ts';
import { REQUEST_TYPES, RequestSchema } from '../../../domain/contract/case.schema.ts';
import { DecisionSchema, OutcomeSchema, ReasonCitationSchema } from '../../../domain/contract/decision.schema.ts';
import { AUTHOR_KINDS } from '../../../storage/schema/messages.ts';

const Instant = z.string().describe('ISO 8601 instant (UTC)');

export const CaseTypeSchema = z.enum([...REQUEST_TYPES, 'inquiry']);
export const CaseStateSchema = z.enum(CASE_STATES);
export const CaseActionSchema = z.enum(CASE_ACTIONS);
export const DueSchema = z.object({
  kind: z.enum(['respond', 'ship_back', 'resolve']).describe('the shop’s reply, the customer’s parcel, the resolution'),
  at: Instant,
});

/** One message of a case's conversation. */
export const MessageViewSchema = z.object({
  id: z.string(),
  authorKind: z.enum(AUTHOR_KINDS),
  author: z.string(),
  body: z.string(),
  createdAt: Instant,
  attachments: z.array(
    z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number().int() }),
  ),
});

/** A case as the desk and the portal show it. */
export const CaseViewSchema = z.object({
  id: z.string(),
  reference: z.string().describe('how people name the case, e.g. AULSO-C42'),
  shop: z.string(),
  number: z.number().int(),
  type: CaseTypeSchema,
  state: CaseStateSchema,
  revision: z.number().int().describe('send it back with an action: a stale one is refused with 409 CONFLICT'),
  order: z.object({ id: z.string(), number: z.string() }).nullable(),
  request: RequestSchema.nullable(),
  outcome: OutcomeSchema.nullable().describe('the outcome in force: the decision’s, or staff’s after a review'),
  decision: DecisionSchema.nullable(),
  reasons: z.array(ReasonCitationSchema).describe('the shop’s own sentences behind the decision'),
  policyVersion: z.object({ id: z.string(), version: z.string() }).nullable(),
  authorizationNumber: z.string().nullable(),
  returnAddress: z.string().nullable(),
  returnTrackingNumber: z.string().nullable(),
  repairQuoteCents: z.number().int().nullable(),
  deadlines: z.object({ respondsBy: Instant.nullable(), shipBy: Instant.nullable(), resolutionBy: Instant.nullable() }),
  due: DueSchema.extend({ overdue: z.boolean() }).nullable().describe('the deadline the case waits on now'),
  money: z
    .object({ currency: z.string(), refundableCents: z.number().int(), refundedCents: z.number().int() })
    .nullable(),
  allowedActions: z.array(CaseActionSchema).describe('what the caller’s role can do now'),
  timeline: z.array(
    z.object({
      at: Instant,
      actor: z.string(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      policyVersion: z.string().nullable(),
      detail: z.unknown(),
    }),
  ),
  messages: z.array(MessageViewSchema),
  createdAt: Instant,
  updatedAt: Instant,
});
export type CaseViewBody = z.infer<typeof CaseViewSchema>;
