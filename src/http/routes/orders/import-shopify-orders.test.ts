import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp } from '../../../../test/desk-app.ts';
import {
  amijoseOrder,
  exportFile,
  sampleOrder,
  sampleOrderFile,
  THEOR_EXPORT,
} from '../../../integrations/shopify/test-fixtures.ts';

const desk = await deskApp();

const importShopify = (shop: string, contentType: string, payload: string, token?: string) =>
  desk.staff({
    method: 'POST',
    url: `/api/v1/shops/${shop}/imports/shopify`,
    headers: { 'content-type': contentType },
    payload,
    token,
  });

describe(`POST /api/v1/shops/:id/imports/shopify on ${desk.database.kind}`, () => {
  it('imports the sample order as the REST API answers it, then updates it', async () => {
    const body = JSON.stringify(sampleOrderFile());
    const first = await importShopify('aulso', 'application/json', body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ shop: 'aulso', read: 1, created: 1, updated: 0, failed: 0, stopped: null });
    const again = await importShopify('aulso', 'application/json; charset=utf-8', body);
    expect(again.json()).toMatchObject({ read: 1, created: 0, updated: 1 });
    const order = await desk.staff({ url: '/api/v1/shops/aulso/orders/1001' });
    expect(order.json()).toMatchObject({ number: '1001', customer: { email: 'bob.norman@hostmail.com' } });
    expect(order.json().order.lines).toHaveLength(3);
  });

  it('imports JSON Lines, reporting a line that is not JSON while loading the others', async () => {
    const body = [
      JSON.stringify(amijoseOrder()),
      '{"name": "#AJ1043",',
      JSON.stringify(sampleOrder({ name: '#AJ1044' })),
    ].join('\n');
    const res = await importShopify('amijose', 'application/x-ndjson', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      read: 3,
      created: 2,
      failed: 1,
      failures: [{ line: 2, index: 2, order: null, issues: [{ path: '(root)', code: 'invalid_json' }] }],
      refunds: [{ line: 1, order: 'AJ1042', currency: 'GBP', amount: 3800, count: 1 }],
      parcelsAdded: 1,
    });
    const parcels = (await desk.staff({ url: '/api/v1/shops/amijose/orders/AJ1042' })).json().shipments;
    expect(parcels).toEqual([expect.objectContaining({ direction: 'outbound', trackingNumber: 'RM123456785GB' })]);
  });

  it('imports the orders export CSV, one order per group of rows, the bad one listed with its line', async () => {
    const res = await importShopify('theor', 'text/csv', exportFile(THEOR_EXPORT));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      read: 3,
      created: 2,
      failed: 1,
      failures: [{ line: 5, order: '1002', issues: [{ path: 'Lineitem price' }] }],
    });
  });

  it('answers 400 for a body that cannot be read at all, naming the line', async () => {
    const res = await importShopify('theor', 'application/json', 'Name,Email\n#1001,a@example.com\n');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^line 1: not JSON/) });
  });

  it('is for the shop’s staff only, and a known shop', async () => {
    const body = JSON.stringify(sampleOrder({ name: '#1301' }));
    const anonymous = await desk.app.inject({
      method: 'POST',
      url: '/api/v1/shops/theor/imports/shopify',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await importShopify('theor', 'application/json', body, AULSO_AGENT_TOKEN)).statusCode).toBe(403);
    const unknown = await importShopify('nope', 'application/json', body);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('UNKNOWN_SHOP');
    expect((await importShopify('theor', 'application/xml', '<orders/>')).statusCode).toBe(400);
  });
});
