import { z } from 'zod';

/** ISO 8601 instant with an offset, as the contract requires. */
export const InstantSchema = z.iso.datetime({ offset: true });
const NullableInstant = InstantSchema.nullable();
const Money = z.number().int().min(0);

export const CATEGORIES = [
  'ring',
  'earrings',
  'necklace',
  'bracelet',
  'anklet',
  'charm',
  'gift_card',
  'other',
] as const;
export const FULFILLMENTS = ['ready_to_ship', 'made_to_order'] as const;
export const PAYMENT_METHODS = [
  'card',
  'paypal',
  'apple_pay',
  'shop_pay',
  'cash_on_delivery',
  'gift_card',
  'other',
] as const;
export const DISCOUNT_KINDS = ['first_order', 'promotion', 'other'] as const;
export const REQUEST_TYPES = [
  'cancel',
  'change_address',
  'change_shipping',
  'change_item',
  'return',
  'exchange',
  'warranty',
  'report_problem',
] as const;
export const REASONS = [
  'changed_mind',
  'not_as_expected',
  'wrong_size_ordered',
  'wrong_color_ordered',
  'wrong_material_ordered',
  'wrong_item_sent',
  'wrong_size_sent',
  'wrong_color_sent',
  'wrong_material_sent',
  'color_discrepancy',
  'arrived_damaged',
  'defective',
  'tarnished',
  'broken',
  'needs_repair',
  'minor_transit_damage',
  'lost_in_transit',
  'not_received',
  'wrong_address_by_customer',
  'wrong_address_by_shop',
  'customs_refused',
  'returned_to_sender',
  'other',
] as const;
export const RESOLUTIONS = [
  'cancel',
  'address_change',
  'item_change',
  'shipping_change',
  'refund',
  'partial_refund',
  'store_credit',
  'exchange',
  'remake',
  'replacement',
  'repair',
  'discounted_replacement',
  'reship',
] as const;
export const CONDITION_FACTS = ['used', 'worn', 'damagedByCustomer', 'originalPackaging', 'tagsAttached'] as const;

export const CategorySchema = z.enum(CATEGORIES);
export const FulfillmentSchema = z.enum(FULFILLMENTS);
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export const RequestTypeSchema = z.enum(REQUEST_TYPES);
export const ReasonSchema = z.enum(REASONS);
export const ResolutionSchema = z.enum(RESOLUTIONS);

export const DiscountCodeSchema = z.strictObject({
  code: z.string(),
  kind: z.enum(DISCOUNT_KINDS),
  percentOff: z.number().min(0).max(100).optional(),
});

export const CarrierSchema = z.strictObject({
  name: z.string().optional(),
  trackingNumber: z.string().optional(),
  confirmedLost: z.boolean().optional(),
  proofOfDelivery: z.boolean().optional(),
  returnedToSender: z.boolean().optional(),
});

export const LineSchema = z.strictObject({
  id: z.string(),
  sku: z.string().optional(),
  title: z.string().optional(),
  category: CategorySchema,
  fulfillment: FulfillmentSchema.default('ready_to_ship'),
  personalized: z.boolean().default(false),
  finalSale: z.boolean().default(false),
  onSale: z.boolean().default(false),
  unitPrice: Money,
  quantity: z.number().int().min(1),
  discount: Money.optional(),
  previousRemakeOrReplacement: z.boolean().default(false),
  shippedAt: NullableInstant.optional(),
  deliveredAt: NullableInstant.optional(),
  material: z.string().optional(),
  tags: z.array(z.string()).optional(),
});

export const OrderSchema = z.strictObject({
  number: z.string(),
  placedAt: InstantSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  destinationCountry: z.string().regex(/^[A-Z]{2}$/),
  paymentMethod: PaymentMethodSchema.optional(),
  discountCodes: z.array(DiscountCodeSchema).optional(),
  shippingPaid: Money.optional(),
  productionStartedAt: NullableInstant.optional(),
  shippedAt: NullableInstant.optional(),
  deliveredAt: NullableInstant.optional(),
  carrier: CarrierSchema.optional(),
  lines: z.array(LineSchema).min(1),
});

/** What the customer states about the goods, later confirmed at inspection. */
export const ConditionSchema = z.strictObject({
  used: z.boolean().optional(),
  worn: z.boolean().optional(),
  damagedByCustomer: z.boolean().optional(),
  originalPackaging: z.boolean().optional(),
  tagsAttached: z.boolean().optional(),
});

export const LineDetailSchema = z.strictObject({
  id: z.string(),
  quantity: z.number().int().min(1).optional(),
  reason: ReasonSchema.optional(),
  condition: ConditionSchema.optional(),
});

export const ReturnShipmentSchema = z.strictObject({
  authorized: z.boolean().optional(),
  trackingNumber: z.string().optional(),
  shippedAt: NullableInstant.optional(),
});

export const RequestSchema = z.strictObject({
  type: RequestTypeSchema,
  lines: z.array(z.string()),
  reason: ReasonSchema.optional(),
  condition: ConditionSchema.optional(),
  preferredResolution: ResolutionSchema.optional(),
  note: z.string().max(5000).optional(),
  lineDetails: z.array(LineDetailSchema).optional(),
  returnShipment: ReturnShipmentSchema.optional(),
});

/** One after-sales question put to a shop's policy (contract: case.schema.json). */
export const CaseSchema = z.strictObject({
  shop: z.string(),
  now: InstantSchema,
  order: OrderSchema,
  request: RequestSchema,
});

export type Case = z.infer<typeof CaseSchema>;
export type CaseInput = z.input<typeof CaseSchema>;
export type Order = Case['order'];
export type Line = Order['lines'][number];
export type Request = Case['request'];
export type Condition = z.infer<typeof ConditionSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type RequestType = z.infer<typeof RequestTypeSchema>;
export type Reason = z.infer<typeof ReasonSchema>;
export type Resolution = z.infer<typeof ResolutionSchema>;
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;
