import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import { readShopifyOrders } from '../../../integrations/shopify/read-shopify-orders.ts';
import {
  readShopifyWebhookSecrets,
  type ShopifyWebhookShop,
} from '../../../integrations/shopify/shopify-webhook-secrets.ts';
import {
  SHOPIFY_HMAC_HEADER,
  SHOPIFY_SHOP_DOMAIN_HEADER,
  SHOPIFY_TOPIC_HEADER,
  verifyShopifyWebhook,
} from '../../../integrations/shopify/verify-shopify-webhook.ts';
import { importShopifyOrders } from '../../../services/import-shopify-orders.ts';
import type { Actor } from '../../../services/service-context.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import {
  receiveShopifyOrderSchema,
  SHOPIFY_ORDER_TOPICS,
  type ShopifyWebhookReceipt,
} from './receive-shopify-order.schema.ts';

/** Options of the webhook: the desk's deps, and the stores when not from `SHOPIFY_WEBHOOK_SECRETS` (tests). */
export type ShopifyWebhookOptions = DeskRouteOptions & { stores?: ReadonlyMap<string, ShopifyWebhookShop> };

/** Who the audit log says imported a webhook's order. */
const SHOPIFY: Actor = { role: 'system', name: 'shopify' };

const refused = (header: string, message: string) =>
  new DomainError('UNAUTHORIZED', message, [{ code: 'unauthorized', path: [header], message }]);

const headerOf = (value: string | string[] | undefined) => (typeof value === 'string' ? value.trim() : '');

/**
 * POST /api/v1/webhooks/shopify/orders: a Shopify store's `orders/create`
 * and `orders/updated`. The body is signed as bytes, so this plugin reads
 * every body raw (its own content-type parser, in this plugin's scope only),
 * picks the store by its domain, checks the signature with that store's
 * secret, and only then reads the order as the bulk import reads its JSON.
 */
export const receiveShopifyOrderRoute: FastifyPluginAsync<ShopifyWebhookOptions> = async (app, options) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.post(
    '/api/v1/webhooks/shopify/orders',
    { schema: receiveShopifyOrderSchema },
    async (request): Promise<ShopifyWebhookReceipt> => {
      const { context: ctx } = deskDeps(options);
      const stores = options.stores ?? readShopifyWebhookSecrets();
      const domain = headerOf(request.headers[SHOPIFY_SHOP_DOMAIN_HEADER]).toLowerCase();
      const store = stores.get(domain);
      if (!store) {
        throw refused(
          SHOPIFY_SHOP_DOMAIN_HEADER,
          domain
            ? `${domain} is not a store of SHOPIFY_WEBHOOK_SECRETS: its webhooks cannot be verified`
            : 'X-Shopify-Shop-Domain is missing: it names the store whose secret signs the body',
        );
      }
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const check = verifyShopifyWebhook(raw, request.headers[SHOPIFY_HMAC_HEADER], store.secret);
      if (!check.ok) {
        throw refused(
          SHOPIFY_HMAC_HEADER,
          check.reason === 'missing'
            ? 'X-Shopify-Hmac-Sha256 is missing: only Shopify, signing with the store’s webhook secret, may post here'
            : 'X-Shopify-Hmac-Sha256 does not match the body signed with the store’s webhook secret',
        );
      }

      const topic = headerOf(request.headers[SHOPIFY_TOPIC_HEADER]);
      if (!(SHOPIFY_ORDER_TOPICS as readonly string[]).includes(topic)) {
        return {
          received: true,
          topic,
          ignored: `${topic || 'no topic'} is not an order created or updated`,
          import: null,
        };
      }
      const summary = await importShopifyOrders(ctx, SHOPIFY, store.shopId, readShopifyOrders([raw], 'json'));
      if (summary.failed > 0)
        request.log.warn({ failures: summary.failures, domain }, 'a Shopify order was not imported');
      return { received: true, topic, import: summary };
    },
  );
};
