import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers Shopify sends with a webhook: its signature, the shop it comes from, and what happened. */
export const SHOPIFY_HMAC_HEADER = 'x-shopify-hmac-sha256';
export const SHOPIFY_SHOP_DOMAIN_HEADER = 'x-shopify-shop-domain';
export const SHOPIFY_TOPIC_HEADER = 'x-shopify-topic';

/** The value Shopify sends in `X-Shopify-Hmac-Sha256`: the base64 HMAC-SHA256 of the raw body, keyed with the app's webhook secret. */
export function shopifyWebhookSignature(rawBody: Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * Whether the raw bytes received were signed with `secret`, compared in
 * constant time. The bytes must be the ones on the wire: JSON parsed and
 * serialised again signs differently.
 */
export function verifyShopifyWebhook(
  rawBody: Uint8Array,
  header: string | string[] | undefined,
  secret: string,
): { ok: true } | { ok: false; reason: 'missing' | 'mismatch' } {
  if (typeof header !== 'string' || header.length === 0) return { ok: false, reason: 'missing' };
  const expected = Buffer.from(shopifyWebhookSignature(rawBody, secret), 'utf8');
  const given = Buffer.from(header.trim(), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
