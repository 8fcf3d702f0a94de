import { z } from 'zod';
import { InstantSchema } from '../../domain/contract/case.schema.ts';

/**
 * The parts of Shopify's order object (REST Admin API, and the `orders/*`
 * webhooks, which send the same object) that Loupe reads. Other fields are
 * ignored; a field Loupe reads that is malformed fails the order, naming the
 * field by Shopify's path (`line_items[1].price`).
 */

/** An amount as Shopify writes it, a decimal string ("199.00"); a JSON number is taken too. */
const Amount = z.union([z.string(), z.number()], { error: 'an amount such as "199.00"' });
/** Shopify ids are numbers in JSON, strings in some exports. */
const Id = z.union([z.number(), z.string()]).transform(String);
const Text = z.string().nullish();

const PropertySchema = z.object({
  name: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]).nullish(),
});

export const ShopifyLineItemSchema = z.object({
  id: Id.optional(),
  sku: Text,
  title: z.string().nullish(),
  name: Text,
  variant_title: Text,
  price: Amount,
  quantity: z.number().int().min(1),
  gift_card: z.boolean().nullish(),
  properties: z.array(PropertySchema).nullish(),
  discount_allocations: z.array(z.object({ amount: Amount })).nullish(),
  total_discount: Amount.nullish(),
});

const AddressSchema = z.object({
  country_code: Text,
  name: Text,
  first_name: Text,
  last_name: Text,
});

const FulfillmentSchema = z.object({
  id: Id.optional(),
  created_at: InstantSchema,
  status: Text,
  shipment_status: Text,
  tracking_company: Text,
  tracking_number: Text,
  tracking_numbers: z.array(z.string()).nullish(),
  tracking_url: Text,
  tracking_urls: z.array(z.string()).nullish(),
  line_items: z.array(z.object({ id: Id })).nullish(),
});

const RefundSchema = z.object({
  id: Id.optional(),
  created_at: InstantSchema.nullish(),
  transactions: z.array(z.object({ kind: Text, status: Text, amount: Amount })).nullish(),
  refund_line_items: z.array(z.object({ subtotal: Amount.nullish() })).nullish(),
});

/** One order as Shopify sends it, the parts Loupe reads. */
export const ShopifyOrderSchema = z
  .object({
    id: Id.optional(),
    name: z.string().min(1).nullish(),
    order_number: z.number().int().nullish(),
    created_at: InstantSchema,
    processed_at: InstantSchema.nullish(),
    cancelled_at: InstantSchema.nullish(),
    currency: z.string().regex(/^[A-Za-z]{3}$/, 'a three-letter currency code such as USD'),
    email: Text,
    contact_email: Text,
    gateway: Text,
    payment_gateway_names: z.array(z.string()).nullish(),
    discount_codes: z.array(z.object({ code: z.string().min(1), amount: Amount.nullish(), type: Text })).nullish(),
    discount_applications: z
      .array(z.object({ type: Text, code: Text, value: Amount.nullish(), value_type: Text }))
      .nullish(),
    shipping_lines: z.array(z.object({ price: Amount, discounted_price: Amount.nullish() })).nullish(),
    shipping_address: AddressSchema.nullish(),
    billing_address: AddressSchema.nullish(),
    customer: z
      .object({ email: Text, first_name: Text, last_name: Text, default_address: AddressSchema.nullish() })
      .nullish(),
    line_items: z.array(ShopifyLineItemSchema).min(1, 'an order has at least one line item'),
    fulfillments: z.array(FulfillmentSchema).nullish(),
    refunds: z.array(RefundSchema).nullish(),
  })
  .refine((o) => o.name || typeof o.order_number === 'number', {
    message: 'an order has a name (#1001) or an order_number',
    path: ['name'],
  });

export type ShopifyOrder = z.infer<typeof ShopifyOrderSchema>;
export type ShopifyLineItem = z.infer<typeof ShopifyLineItemSchema>;
