import { z } from 'zod';
import {
  CategorySchema,
  CONDITION_FACTS,
  DISCOUNT_KINDS,
  FulfillmentSchema,
  PaymentMethodSchema,
  ReasonSchema,
  RequestTypeSchema,
  ResolutionSchema,
} from '../contract/case.schema.ts';
import { RequirementSchema } from '../contract/decision.schema.ts';
import { BrandSchema, HelpSchema } from './help.schema.ts';

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "change-of-mind-72h"');

/** The events a window can be counted from. */
export const ANCHORS = ['placement', 'production_start', 'shipment', 'delivery'] as const;
export const AnchorSchema = z.enum(ANCHORS);

/**
 * A span of time counted from an event of the order. Hours are exact durations;
 * days, months and years are calendar days in the shop's time zone, inclusive of
 * the last day; business days skip weekends and the shop country's holidays.
 */
export const WindowSchema = z
  .strictObject({
    from: AnchorSchema.optional().describe('the event the window is counted from; lint reports a window without one'),
    hours: z.number().positive().optional(),
    days: z.number().int().positive().optional(),
    businessDays: z.number().int().positive().optional(),
    months: z.number().int().positive().optional(),
    years: z.number().int().positive().optional(),
  })
  .refine(
    (w) => [w.hours, w.days, w.businessDays, w.months, w.years].filter((x) => x !== undefined).length === 1,
    'a window has exactly one length: hours, days, businessDays, months or years',
  );

const ConditionFactsSchema = z.strictObject(
  Object.fromEntries(CONDITION_FACTS.map((k) => [k, z.boolean().optional()])) as Record<
    (typeof CONDITION_FACTS)[number],
    z.ZodOptional<z.ZodBoolean>
  >,
);

/** A reason or the name of one of the policy's reason groups. */
const ReasonRef = z.string().min(1);

/**
 * Facts a clause applies to. Every key given must hold (and); a list means any
 * of its values (or). A fact the case does not state never matches a condition
 * on it, so an unknown fact cannot widen or narrow what the shop wrote.
 */
export type When = {
  request?: z.infer<typeof RequestTypeSchema>[];
  reason?: string[];
  category?: z.infer<typeof CategorySchema>[];
  fulfillment?: z.infer<typeof FulfillmentSchema>[];
  personalized?: boolean;
  finalSale?: boolean;
  onSale?: boolean;
  giftCard?: boolean;
  previousRemakeOrReplacement?: boolean;
  tags?: { any?: string[]; none?: string[] };
  material?: string[];
  destination?: 'domestic' | 'international';
  destinationCountry?: string[];
  paymentMethod?: z.infer<typeof PaymentMethodSchema>[];
  discountCodes?: 'none' | 'any' | { onlyKinds: (typeof DISCOUNT_KINDS)[number][] };
  shipped?: boolean;
  delivered?: boolean;
  productionStarted?: boolean;
  carrier?: { confirmedLost?: boolean; proofOfDelivery?: boolean; returnedToSender?: boolean };
  condition?: z.infer<typeof ConditionFactsSchema>;
  returnShipment?: { sent?: boolean; authorized?: boolean; tracked?: boolean };
  within?: z.infer<typeof WindowSchema>;
  after?: z.infer<typeof WindowSchema>;
  any?: When[];
  not?: When;
};

export const WhenSchema: z.ZodType<When> = z.lazy(() =>
  z.strictObject({
    request: z.array(RequestTypeSchema).min(1).optional(),
    reason: z.array(ReasonRef).min(1).optional(),
    category: z.array(CategorySchema).min(1).optional(),
    fulfillment: z.array(FulfillmentSchema).min(1).optional(),
    personalized: z.boolean().optional(),
    finalSale: z.boolean().optional(),
    onSale: z.boolean().optional(),
    giftCard: z.boolean().optional(),
    previousRemakeOrReplacement: z.boolean().optional(),
    tags: z
      .strictObject({ any: z.array(z.string()).min(1).optional(), none: z.array(z.string()).min(1).optional() })
      .optional(),
    material: z.array(z.string().min(1)).min(1).optional().describe('matches when the material contains any of these'),
    destination: z.enum(['domestic', 'international']).optional(),
    destinationCountry: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .min(1)
      .optional(),
    paymentMethod: z.array(PaymentMethodSchema).min(1).optional(),
    discountCodes: z
      .union([z.enum(['none', 'any']), z.strictObject({ onlyKinds: z.array(z.enum(DISCOUNT_KINDS)).min(1) })])
      .optional(),
    shipped: z.boolean().optional(),
    delivered: z.boolean().optional(),
    productionStarted: z.boolean().optional(),
    carrier: z
      .strictObject({
        confirmedLost: z.boolean().optional(),
        proofOfDelivery: z.boolean().optional(),
        returnedToSender: z.boolean().optional(),
      })
      .optional(),
    condition: ConditionFactsSchema.optional(),
    returnShipment: z
      .strictObject({
        sent: z.boolean().optional(),
        authorized: z.boolean().optional(),
        tracked: z.boolean().optional(),
      })
      .optional(),
    within: WindowSchema.optional().describe('the request is made before the window ends'),
    after: WindowSchema.optional().describe('the request is made after the window has ended'),
    any: z.array(WhenSchema).min(1).optional(),
    not: WhenSchema.optional(),
  }),
);

export const RestockingFeeSchema = z.union([
  z.strictObject({ percent: z.number().min(0).max(100) }),
  z.strictObject({ setting: Id.describe('name of a number in the policy settings, a percentage') }),
]);

/** What a clause grants, refuses or requires once its facts hold. */
export const ThenSchema = z.strictObject({
  outcome: z.enum(['approved', 'denied', 'needs_review']).optional(),
  resolutions: z.array(ResolutionSchema).optional(),
  refund: z
    .enum(['full', 'partial', 'none'])
    .optional()
    .describe('what of the goods can come back as money or credit: full = what was paid for the units'),
  returnRequired: z.boolean().optional(),
  returnShipping: z.enum(['shop', 'customer']).optional().describe('who pays to send the goods back'),
  originalShipping: z.enum(['refunded', 'kept']).optional().describe('whether outbound shipping is given back'),
  restockingFee: RestockingFeeSchema.optional(),
  customerCharges: z
    .enum(['none', 'assessed'])
    .optional()
    .describe('assessed: the customer pays an amount the shop confirms later (materials, repair, reshipping)'),
  requirements: z.array(RequirementSchema).optional(),
  returnWithin: WindowSchema.optional().describe('the goods must be sent back before this window ends'),
});

export const OverrideSchema = z.strictObject({
  clause: Id,
  because: z.string().min(1),
});

const Quote = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** One rule of the shop, resting on its own sentence. */
export const ClauseSchema = z.strictObject({
  id: Id,
  section: z.string().optional().describe('heading of the rendered policy page this clause belongs under'),
  quote: Quote.describe("the shop's own sentence(s), verbatim"),
  summary: z.string().optional().describe('plain words for the rendered page, when the quote alone is not enough'),
  when: WhenSchema.optional(),
  then: ThenSchema.optional(),
  exceptionTo: z
    .array(Id)
    .min(1)
    .optional()
    .describe('clauses that do not apply to a line whenever this clause matches it'),
  overrides: z.array(OverrideSchema).optional().describe('clauses this one wins over where both match, and why'),
});

const Range = z.strictObject({
  min: z.number().min(0),
  max: z.number().min(0),
  unit: z.enum(['hours', 'days', 'business_days', 'weeks']),
});

export const TimeStatementSchema = Range.extend({
  id: Id,
  quote: z.string().min(1),
  fulfillment: FulfillmentSchema.optional(),
  destination: z.enum(['domestic', 'international']).optional(),
  overrides: z.array(OverrideSchema).optional(),
});

const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** A marked shop setting: a value the page implies but does not state. */
export const SettingSchema = z.strictObject({
  value: z.number(),
  note: z.string().min(1).describe('why this is a setting, not the shop’s words'),
});

export const ProfileSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/),
  timeZone: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/),
  businessDays: z.array(Weekday).min(1),
  holidays: z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/), state: z.string().optional() }),
  contact: z
    .strictObject({
      email: z.string().optional(),
      phone: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    })
    .default({}),
  shipDays: z
    .strictObject({
      domestic: z.array(Weekday).min(1),
      internationalPickups: z.array(Weekday).min(1).optional(),
      quote: z.string().optional(),
    })
    .optional(),
  processing: z.array(TimeStatementSchema).default([]),
  delivery: z.array(TimeStatementSchema).default([]),
  settingsNote: z.string().optional(),
});

const ResponseTimeSchema = z.strictObject({
  id: Id,
  quote: z.string().min(1),
  businessDays: z.number().int().positive(),
  request: z.array(RequestTypeSchema).min(1).optional(),
});

const ResolutionTimeSchema = z.strictObject({
  id: Id,
  quote: z.string().min(1),
  businessDays: z.number().int().positive(),
  after: z.enum(['goods_received', 'decision']),
});

/** A worked example a shop owner keeps with the policy: a case and what its decision must show. */
export const ExampleSchema = z.strictObject({
  name: z.string().min(1),
  case: z.record(z.string(), z.unknown()),
  expect: z.record(z.string(), z.unknown()),
});

/** A shop's after-sales policy as data: profile, settings and ordered clauses. */
export const PolicySchema = z.strictObject({
  loupe: z.literal(1).describe('policy format version'),
  id: Id,
  version: z.string().min(1),
  name: z.string().min(1),
  source: z
    .strictObject({ file: z.string().min(1), url: z.string().optional() })
    .optional()
    .describe("the shop's own page, to check quotes against"),
  profile: ProfileSchema,
  settings: z.record(z.string(), SettingSchema).default({}),
  reasonGroups: z.record(Id, z.array(ReasonSchema).min(1)).default({}),
  responseTime: ResponseTimeSchema.optional(),
  resolutionTime: ResolutionTimeSchema.optional(),
  clauses: z.array(ClauseSchema).min(1),
  fallback: z
    .strictObject({ id: Id, quote: z.string().min(1) })
    .describe('cited when no clause decides: the case goes to the care team'),
  examples: z.array(ExampleSchema).default([]),
  brand: BrandSchema.optional().describe(
    'how the shop’s customer pages look (shop settings); the engine never reads it',
  ),
  help: HelpSchema.optional().describe('the help center: questions answered in the shop’s words, a size guide'),
});

export type Window = z.infer<typeof WindowSchema>;
export type Anchor = z.infer<typeof AnchorSchema>;
export type Then = z.infer<typeof ThenSchema>;
export type Clause = z.infer<typeof ClauseSchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
export type Profile = Policy['profile'];
export type TimeStatement = z.infer<typeof TimeStatementSchema>;
export type Example = z.infer<typeof ExampleSchema>;
