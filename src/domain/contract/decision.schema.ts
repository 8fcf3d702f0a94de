import { z } from 'zod';
import { ResolutionSchema } from './case.schema.ts';

export const OUTCOMES = ['approved', 'denied', 'needs_review', 'partial'] as const;
export const REQUIREMENTS = [
  'prior_authorization',
  'original_packaging',
  'tags_attached',
  'unworn',
  'tracking_number',
  'packing_slip',
  'proof_of_postage',
  'photos',
  'order_number_note',
  'inspection',
  'courier_investigation',
] as const;

export const OutcomeSchema = z.enum(OUTCOMES);
export const RequirementSchema = z.enum(REQUIREMENTS);
const Money = z.number().int().min(0);
const Deadline = z.string().nullable();

/** One cited clause: its id, the shop's own sentence, and how the facts met it. */
export const ReasonCitationSchema = z.object({
  clause: z.string().min(1),
  quote: z.string().min(1),
  detail: z.string().optional(),
});

export const LineDecisionSchema = z.object({
  id: z.string(),
  outcome: OutcomeSchema,
  resolutions: z.array(ResolutionSchema),
  itemsRefundable: Money.optional(),
  reasons: z.array(ReasonCitationSchema).optional(),
});

/** What the policy grants for a case, and why (contract: decision.schema.json). */
export const DecisionSchema = z.object({
  shop: z.string(),
  policyVersion: z.string(),
  outcome: OutcomeSchema,
  resolutions: z.array(ResolutionSchema),
  returnRequired: z.boolean(),
  returnShippingPaidBy: z.enum(['shop', 'customer']).nullable(),
  money: z.object({
    currency: z.string(),
    itemsRefundable: Money,
    shippingRefundable: Money,
    restockingFee: Money,
    customerCharges: Money,
  }),
  deadlines: z.object({
    requestBy: Deadline,
    returnBy: Deadline,
    shopRespondsBy: Deadline,
    resolutionBy: Deadline,
  }),
  requirements: z.array(RequirementSchema),
  reasons: z.array(ReasonCitationSchema).min(1),
  lines: z.array(LineDecisionSchema),
});

export type Outcome = z.infer<typeof OutcomeSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type ReasonCitation = z.infer<typeof ReasonCitationSchema>;
export type LineDecision = z.infer<typeof LineDecisionSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
