import { z } from 'zod';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopifyImportSummarySchema } from '../orders/import-shopify-orders.schema.ts';

/** The topics whose order Loupe imports; Shopify's other topics are answered 200 and ignored. */
export const SHOPIFY_ORDER_TOPICS = ['orders/create', 'orders/updated'] as const;

/** The headers Shopify sends with every webhook. */
export const ShopifyWebhookHeadersSchema = z.object({
  'x-shopify-hmac-sha256': z
    .string()
    .describe('the base64 HMAC-SHA256 of the raw body, keyed with the webhook secret of the Shopify store'),
  'x-shopify-shop-domain': z
    .string()
    .describe('the store, e.g. `aulso.myshopify.com`: picks the Loupe shop and secret'),
  'x-shopify-topic': z.string().describe('`orders/create` or `orders/updated` import the order; others are ignored'),
});

/** What Loupe answers Shopify: taken in, and what the import of the order did (none when ignored). */
export const ShopifyWebhookReceiptSchema = z.object({
  received: z.literal(true),
  topic: z.string(),
  ignored: z
    .string()
    .optional()
    .describe('why nothing was imported: a topic other than orders/create or orders/updated'),
  import: ShopifyImportSummarySchema.nullable().describe(
    'the import of the one order, as POST /shops/{id}/imports/shopify answers it; an order that cannot be mapped is listed in `failures`',
  ),
});
export type ShopifyWebhookReceipt = z.infer<typeof ShopifyWebhookReceiptSchema>;

/** Docs of POST /api/v1/webhooks/shopify/orders. */
export const receiveShopifyOrderSchema = {
  operationId: 'receiveShopifyOrder',
  tags: ['orders'],
  summary: 'An order created or updated in Shopify (webhook)',
  description: [
    'Subscribe the Shopify store’s `orders/create` and `orders/updated` webhooks (JSON) to this URL. The server knows each store by `SHOPIFY_WEBHOOK_SECRETS`: `domain=shopId:secret` pairs separated by commas, e.g. `aulso.myshopify.com=aulso:shpss_1234,theor.myshopify.com=theor:shpss_5678` — the store’s `myshopify.com` domain, the Loupe shop its orders go to, and the secret Shopify signs its webhooks with (the app’s client secret, or the one shown under Settings → Notifications → Webhooks).',
    'The request must carry `X-Shopify-Shop-Domain` naming a store of that list and `X-Shopify-Hmac-Sha256`, the base64 HMAC-SHA256 of the raw body keyed with that store’s secret, compared in constant time; an unknown store, or a missing or wrong signature, is 401 and nothing is stored.',
    'The order is imported as one order of `POST /shops/{id}/imports/shopify`: an order of a known number is updated, so a webhook delivered twice, or `orders/updated` after `orders/create`, stores one order. An order that cannot be mapped is answered 200 with its issues in `import.failures` (Shopify would otherwise retry it, unchanged, until it drops the subscription). Other topics are answered 200 and ignored. Role: Shopify (signed).',
  ].join('\n\n'),
  headers: toOpenApiSchema(ShopifyWebhookHeadersSchema, 'input'),
  body: {
    type: 'object',
    additionalProperties: true,
    description: 'Shopify’s order object, as the REST Admin API has it (bare, or `{"order": …}`)',
  },
  security: [],
  response: {
    200: { ...toOpenApiSchema(ShopifyWebhookReceiptSchema), description: 'Taken in (or ignored)' },
    ...errorResponses(400, 401, 404),
  },
};
