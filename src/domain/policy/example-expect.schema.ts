import { z } from 'zod';
import { InstantSchema, ResolutionSchema } from '../contract/case.schema.ts';
import { OutcomeSchema, RequirementSchema } from '../contract/decision.schema.ts';

const Money = z.number().int().min(0);

/** A remedy list as an example expects it: exactly these, or including and excluding some. */
export const ResolutionSetSchema = z.strictObject({
  exactly: z.array(ResolutionSchema).optional(),
  includes: z.array(ResolutionSchema).optional(),
  excludes: z.array(ResolutionSchema).optional(),
});

/**
 * What an example's decision must show: any part of a decision, in the shape
 * of the `expect` of the shared scenario files. Deadlines match within a second.
 */
export const ExpectSchema = z.strictObject({
  outcome: OutcomeSchema.optional(),
  resolutions: ResolutionSetSchema.optional(),
  returnRequired: z.boolean().optional(),
  returnShippingPaidBy: z.enum(['shop', 'customer']).nullable().optional(),
  money: z
    .strictObject({
      itemsRefundable: Money.optional(),
      shippingRefundable: Money.optional(),
      restockingFee: Money.optional(),
      customerCharges: Money.optional(),
    })
    .optional(),
  restockingFeePositive: z.boolean().optional(),
  deadlines: z
    .strictObject({
      requestBy: InstantSchema.nullable().optional(),
      returnBy: InstantSchema.nullable().optional(),
      shopRespondsBy: InstantSchema.nullable().optional(),
      resolutionBy: InstantSchema.nullable().optional(),
    })
    .optional(),
  requirements: z
    .strictObject({ includes: z.array(RequirementSchema).optional(), excludes: z.array(RequirementSchema).optional() })
    .optional(),
  quotes: z.array(z.string().min(1)).optional().describe("substrings of the shop's words the reasons must quote"),
  lines: z
    .array(
      z.strictObject({
        id: z.string(),
        outcome: OutcomeSchema.optional(),
        resolutions: ResolutionSetSchema.optional(),
        itemsRefundable: Money.optional(),
      }),
    )
    .optional(),
});

export type Expect = z.infer<typeof ExpectSchema>;
export type ResolutionSet = z.infer<typeof ResolutionSetSchema>;
