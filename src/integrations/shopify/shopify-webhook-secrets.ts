import { DomainError } from '../../domain/errors.ts';

/** The Loupe shop a Shopify store's webhooks are for, and the secret they are signed with. */
export type ShopifyWebhookShop = { shopId: string; secret: string };

const DOMAIN = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+$/;

/**
 * The Shopify stores whose webhooks Loupe takes, by shop domain, from
 * `SHOPIFY_WEBHOOK_SECRETS`: `domain=shopId:secret` pairs separated by commas
 * (`aulso.myshopify.com=aulso:shpss_…`). The secret is everything after the
 * first colon. Unset: no store is known, and every webhook is refused.
 * INVALID_INPUT naming the variable when a pair cannot be read.
 */
export function readShopifyWebhookSecrets(
  env: NodeJS.ProcessEnv = process.env,
): ReadonlyMap<string, ShopifyWebhookShop> {
  const shops = new Map<string, ShopifyWebhookShop>();
  for (const pair of (env.SHOPIFY_WEBHOOK_SECRETS ?? '').split(',')) {
    if (!pair.trim()) continue;
    const eq = pair.indexOf('=');
    const domain = pair.slice(0, Math.max(eq, 0)).trim().toLowerCase();
    const rest = pair.slice(eq + 1);
    const colon = rest.indexOf(':');
    const shopId = rest.slice(0, Math.max(colon, 0)).trim();
    const secret = rest.slice(colon + 1).trim();
    if (eq < 0 || colon < 0 || !DOMAIN.test(domain) || !shopId || !secret) {
      // The pair is not echoed: it holds a secret.
      const message = `a pair is not domain=shopId:secret, e.g. aulso.myshopify.com=aulso:shpss_…`;
      throw new DomainError('INVALID_INPUT', `SHOPIFY_WEBHOOK_SECRETS: ${message}`, [
        { code: 'invalid_input', path: ['SHOPIFY_WEBHOOK_SECRETS'], message },
      ]);
    }
    shops.set(domain, { shopId, secret });
  }
  return shops;
}
