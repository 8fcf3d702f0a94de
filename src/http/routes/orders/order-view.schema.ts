import { z } from 'zod';
import { OrderSchema } from '../../../domain/contract/case.schema.ts';
import { ReasonCitationSchema } from '../../../domain/contract/decision.schema.ts';
import { ORDER_KINDS } from '../../../storage/schema/orders.ts';
import { SHIPMENT_DIRECTIONS } from '../../../storage/schema/shipments.ts';
import { CaseStateSchema, CaseTypeSchema } from '../cases/case-view.schema.ts';

const DateRange = z.object({ from: z.string(), to: z.string() }).describe('local dates in the shop’s time zone');

/** "When will my order arrive?" as date ranges, with the sentences behind it. */
export const DeliveryEstimateSchema = z.object({
  shipBy: DateRange.nullable(),
  deliveredBy: DateRange.nullable(),
  split: z.boolean().describe('ready-to-ship lines leave first'),
  parcels: z.array(
    z.object({
      fulfillment: z.array(z.enum(['ready_to_ship', 'made_to_order'])),
      shipped: z.boolean(),
      shipBy: DateRange.nullable(),
      deliveredBy: DateRange.nullable(),
    }),
  ),
  basis: z.array(ReasonCitationSchema),
  missing: z.array(z.string()).describe('times the policy does not give: no guess is made'),
});

/** An order with its lines, parcels, delivery estimate, policy version and cases. */
export const OrderViewSchema = z.object({
  id: z.string(),
  shop: z.string(),
  number: z.string(),
  kind: z.enum(ORDER_KINDS).describe('original, or the remedy of a case that made it'),
  originCaseId: z.string().nullable(),
  customer: z.object({ email: z.string(), name: z.string().nullable() }),
  policyVersion: z.object({ id: z.string(), version: z.string() }).describe('the version in force when it was placed'),
  order: OrderSchema.describe('the order facts of the decision contract'),
  refundedOutsideCents: z
    .int()
    .min(0)
    .describe('refunded in Shopify, in minor units: a case on the order refunds at most what is left of what was paid'),
  cancelledAt: z
    .string()
    .nullable()
    .describe('when Shopify cancelled the order: a case on it opens with nothing to refund'),
  shipments: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(SHIPMENT_DIRECTIONS),
      caseId: z.string().nullable(),
      carrier: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      trackingUrl: z
        .string()
        .nullable()
        .describe('the tracking page Shopify gave, else the carrier’s when Loupe recognises the number'),
      status: z.string(),
      createdAt: z.string(),
    }),
  ),
  tracking: z
    .object({ carrierName: z.string(), trackingNumber: z.string(), trackingUrl: z.string().nullable() })
    .nullable()
    .describe('the order’s outbound parcel: its carrier, recognised from the tracking number, and where to follow it'),
  deliveryEstimate: DeliveryEstimateSchema,
  cases: z.array(z.object({ id: z.string(), reference: z.string(), type: CaseTypeSchema, state: CaseStateSchema })),
});
export type OrderViewBody = z.infer<typeof OrderViewSchema>;
