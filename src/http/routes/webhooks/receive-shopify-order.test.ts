import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { deskApp } from '../../../../test/desk-app.ts';
import { readShopifyWebhookSecrets } from '../../../integrations/shopify/shopify-webhook-secrets.ts';
import { amijoseOrder } from '../../../integrations/shopify/test-fixtures.ts';
import { orders, shipments } from '../../../storage/schema/index.ts';

const SECRET = 'shpss_amijose-webhook-secret';
vi.stubEnv('SHOPIFY_WEBHOOK_SECRETS', `other.myshopify.com=aulso:x:y, Amijose.myshopify.com=amijose:${SECRET}`);
afterAll(() => {
  vi.unstubAllEnvs();
});

const desk = await deskApp();

/** Signs as Shopify does: the base64 HMAC-SHA256 of the body's bytes, keyed with the secret. */
const shopifyWebhookSignature = (body: Buffer, secret: string) =>
  createHmac('sha256', secret).update(body).digest('base64');
const { db } = desk.database;

/** A webhook as Shopify posts it: the order as JSON bytes, signed with `secret` unless a signature is given. */
function post(
  body: string,
  {
    topic = 'orders/create',
    domain = 'amijose.myshopify.com',
    signature = shopifyWebhookSignature(Buffer.from(body), SECRET),
  }: {
    topic?: string;
    domain?: string;
    signature?: string | null;
  } = {},
) {
  return desk.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks/shopify/orders',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': domain,
      'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      ...(signature === null ? {} : { 'x-shopify-hmac-sha256': signature }),
    },
    payload: body,
  });
}

const ordersNumbered = (number: string) =>
  db
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, 'amijose'), eq(orders.number, number)));

describe('SHOPIFY_WEBHOOK_SECRETS', () => {
  it('reads domain=shopId:secret pairs, the secret being everything after the first colon', () => {
    const stores = readShopifyWebhookSecrets({
      SHOPIFY_WEBHOOK_SECRETS: 'A.myshopify.com=aulso:s:1 , b.myshopify.com=theor:z',
    });
    expect([...stores]).toEqual([
      ['a.myshopify.com', { shopId: 'aulso', secret: 's:1' }],
      ['b.myshopify.com', { shopId: 'theor', secret: 'z' }],
    ]);
    expect(readShopifyWebhookSecrets({}).size).toBe(0);
  });

  it('refuses a pair it cannot read, without echoing the secret', () => {
    expect(() => readShopifyWebhookSecrets({ SHOPIFY_WEBHOOK_SECRETS: 'aulso.myshopify.com=topsecret' })).toThrow(
      /SHOPIFY_WEBHOOK_SECRETS: a pair is not domain=shopId:secret/,
    );
    try {
      readShopifyWebhookSecrets({ SHOPIFY_WEBHOOK_SECRETS: 'aulso.myshopify.com=topsecret' });
    } catch (error) {
      expect(String(error)).not.toContain('topsecret');
    }
  });
});

describe('POST /api/v1/webhooks/shopify/orders', () => {
  it('imports an order Shopify signed, and a re-delivery or an update stores the same one order', async () => {
    // Pretty-printed: the signature holds for these bytes, not for the JSON parsed and written again.
    const body = JSON.stringify(amijoseOrder(), null, 2);
    const first = await post(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      received: true,
      topic: 'orders/create',
      import: { shop: 'amijose', read: 1, created: 1, updated: 0, failed: 0, parcelsAdded: 1 },
    });
    const [stored] = await ordersNumbered('AJ1042');
    expect(stored).toMatchObject({ currency: 'GBP', destinationCountry: 'GB' });
    const asStaff = await desk.staff({ url: '/api/v1/shops/amijose/orders/AJ1042' });
    expect(asStaff.statusCode, asStaff.body).toBe(200);

    // Shopify delivers at least once: the same webhook again changes nothing.
    const again = await post(body);
    expect(again.json()).toMatchObject({ import: { created: 0, updated: 1, failed: 0, parcelsAdded: 0 } });
    expect(await ordersNumbered('AJ1042')).toHaveLength(1);

    const updated = JSON.stringify(amijoseOrder({ shipping_address: { name: 'Isla Moreno', country_code: 'IE' } }));
    const update = await post(updated, { topic: 'orders/updated' });
    expect(update.json()).toMatchObject({ topic: 'orders/updated', import: { created: 0, updated: 1 } });
    const rows = await ordersNumbered('AJ1042');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.destinationCountry).toBe('IE');
    const parcels = await db.select().from(shipments).where(eq(shipments.trackingNumber, 'RM123456785GB'));
    expect(parcels).toHaveLength(1);
  });

  it('refuses a forged, missing or foreign signature with 401 and stores nothing', async () => {
    const body = JSON.stringify(amijoseOrder({ name: '#AJ2001', order_number: 2001 }));
    const forged = await post(body, { signature: shopifyWebhookSignature(Buffer.from(body), 'not-the-secret') });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'UNAUTHORIZED', path: 'x-shopify-hmac-sha256' });
    // Signed for another body: the order changed in transit.
    const tampered = await post(body.replace('"65.00"', '"0.01"'), {
      signature: shopifyWebhookSignature(Buffer.from(body), SECRET),
    });
    expect(tampered.statusCode).toBe(401);
    const unsigned = await post(body, { signature: null });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().message).toMatch(/X-Shopify-Hmac-Sha256 is missing/);
    // Signed with Amijose's secret, but claiming a store the server does not know.
    const unknown = await post(body, { domain: 'stranger.myshopify.com' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toMatchObject({ code: 'UNAUTHORIZED', path: 'x-shopify-shop-domain' });
    const noDomain = await post(body, { domain: '' });
    expect(noDomain.statusCode).toBe(401);
    expect(await ordersNumbered('AJ2001')).toHaveLength(0);
  });

  it('answers other topics 200 and imports nothing', async () => {
    const body = JSON.stringify(amijoseOrder({ name: '#AJ3001', order_number: 3001 }));
    const res = await post(body, { topic: 'orders/paid' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: true, topic: 'orders/paid', import: null });
    expect(res.json().ignored).toMatch(/orders\/paid/);
    expect(await ordersNumbered('AJ3001')).toHaveLength(0);
  });

  it('answers an order it cannot map 200 with the issues, so Shopify does not retry it unchanged', async () => {
    const body = JSON.stringify(amijoseOrder({ name: '#AJ4001', order_number: 4001, currency: 42 }));
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().import).toMatchObject({ created: 0, failed: 1, failures: [{ order: 'AJ4001' }] });
    expect(await ordersNumbered('AJ4001')).toHaveLength(0);
    const broken = await post('{"order": ');
    expect(broken.statusCode).toBe(400);
  });
});
