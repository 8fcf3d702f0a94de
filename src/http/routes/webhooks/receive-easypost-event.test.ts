import { createHmac, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { deskApp, openScenarioCase } from '../../../../test/desk-app.ts';
import { scenarioCase } from '../../../../test/scenario-case.ts';
import { findOrder } from '../../../storage/repositories/orders.ts';
import { insertShipment } from '../../../storage/repositories/shipments.ts';
import { auditLog, shipments, trackingEvents } from '../../../storage/schema/index.ts';

// The secret as the operator typed it (composed é); EasyPost normalises it to NFKD before signing.
const SECRET = 's\u00e9cret-aulso';
vi.stubEnv('EASYPOST_WEBHOOK_SECRET', SECRET);
afterAll(() => {
  vi.unstubAllEnvs();
});

const desk = await deskApp();
const { db } = desk.database;

type Scan = { status: string; message: string; datetime: string };

/** An Event as EasyPost posts it for a Tracker, with the fields Loupe does not read kept, as they come. */
function trackerEvent(code: string, carrier: string, status: string, scans: Scan[], description = 'tracker.updated') {
  const last = scans.at(-1)?.datetime ?? '2026-01-01T00:00:00Z';
  return {
    description,
    mode: 'production',
    previous_attributes: { status: 'in_transit' },
    created_at: last,
    pending_urls: ['https://loupe.example/api/v1/webhooks/easypost'],
    completed_urls: [],
    updated_at: last,
    id: `evt_${code}_${status}`,
    user_id: 'user_1',
    status: 'pending',
    object: 'Event',
    result: {
      id: `trk_${code}`,
      object: 'Tracker',
      mode: 'production',
      tracking_code: code,
      status,
      status_detail: 'unknown',
      created_at: scans[0]?.datetime ?? last,
      updated_at: last,
      signed_by: null,
      weight: 136.0,
      est_delivery_date: null,
      shipment_id: null,
      carrier,
      tracking_details: scans.map((s) => ({
        object: 'TrackingDetail',
        description: s.message,
        status_detail: 'unknown',
        source: carrier,
        tracking_location: { object: 'TrackingLocation', city: null, state: null, country: null, zip: null },
        ...s,
      })),
      public_url: `https://track.easypost.com/${code}`,
      is_return: false,
    },
  };
}

const sign = (raw: string, secret = SECRET) =>
  `hmac-sha256-hex=${createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8'))
    .update(raw)
    .digest('hex')}`;

/** Posts a body as EasyPost does: the raw JSON, signed; `signature: null` sends none. */
function post(body: object | string, signature?: string | null) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body).replace('"weight":136', '"weight":136.0');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'EasyPost WebHook Agent',
  };
  const header = signature === undefined ? sign(raw) : signature;
  if (header !== null) headers['x-hmac-signature'] = header;
  return desk.app.inject({ method: 'POST', url: '/api/v1/webhooks/easypost', headers, payload: raw });
}

const importOrder = async (shop: string, order: object, email = 'ana@example.com') => {
  const res = await desk.staff({
    method: 'POST',
    url: `/api/v1/shops/${shop}/orders`,
    payload: { order, customer: { email } },
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
};

/** The shop's parcel to the customer, as the shop's fulfilment recorded it. */
async function shipOrder(shop: string, number: string, carrier: string, trackingNumber: string) {
  const stored = await findOrder(db, shop, number);
  if (!stored) throw new Error(number);
  await insertShipment(db, {
    id: randomUUID(),
    orderId: stored.id,
    caseId: null,
    direction: 'outbound',
    carrier,
    trackingNumber,
    status: 'pre_transit',
    estimatedFrom: null,
    estimatedTo: null,
    createdAt: new Date(stored.order.placedAt),
  });
}

const eventCount = async () => (await db.select().from(trackingEvents)).length;
const orderOf = async (shop: string, number: string) => (await findOrder(db, shop, number))?.order;

// Aulso's pendant order reached the customer with no delivery date on file (scenario "defective pendant …").
const pendant = scenarioCase('aulso', 'defective pendant');
const PENDANT_CODE = 'YT260504159901';
const inTransit: Scan[] = [
  { status: 'pre_transit', message: 'Shipment information received', datetime: '2026-04-28T03:10:00Z' },
  { status: 'in_transit', message: 'Departed from Hong Kong', datetime: '2026-04-28T09:00:00Z' },
  { status: 'in_transit', message: 'Arrived at Los Angeles', datetime: '2026-05-01T16:20:00Z' },
];
const delivered: Scan[] = [
  ...inTransit,
  { status: 'delivered', message: 'Delivered, front door', datetime: '2026-05-04T22:15:00Z' },
];

describe(`EasyPost tracking webhook on ${desk.database.kind}`, () => {
  it('refuses a missing, forged or tampered signature with 401 and stores nothing', async () => {
    await importOrder('aulso', pendant.order);
    await shipOrder('aulso', pendant.order.number, 'YunExpress', PENDANT_CODE);
    const event = trackerEvent(PENDANT_CODE, 'YunExpress', 'delivered', delivered);
    const raw = JSON.stringify(event);

    for (const [signature, message] of [
      [null, 'X-Hmac-Signature is missing'],
      [sign(raw, 'another secret'), 'does not match'],
      [sign(raw.replace('Delivered, front door', 'Delivered')), 'does not match'],
    ] as const) {
      const res = await post(raw, signature);
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json()).toMatchObject({ code: 'UNAUTHORIZED', path: 'x-hmac-signature' });
      expect(res.json().message).toContain(message);
    }
    expect(await eventCount()).toBe(0);
    expect((await orderOf('aulso', pendant.order.number))?.deliveredAt).toBeUndefined();
  });

  it('starts Aulso’s 30-day window from the carrier’s delivery scan, keeping the shipping date on file', async () => {
    let res = await post(trackerEvent(PENDANT_CODE, 'YunExpress', 'in_transit', inTransit, 'tracker.created'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ received: true, shipments: 1, eventsStored: 3, ordersShipped: [] });
    expect((await orderOf('aulso', pendant.order.number))?.deliveredAt).toBeUndefined();

    res = await post(trackerEvent(PENDANT_CODE, 'YunExpress', 'delivered', delivered));
    expect(res.json()).toMatchObject({ eventsStored: 1, ordersDelivered: [expect.any(String)] });
    const order = await orderOf('aulso', pendant.order.number);
    expect(order?.deliveredAt).toBe('2026-05-04T22:15:00.000Z');
    // "Shipped" was on file from the shop: the carrier's first scan on the move does not replace it.
    expect(order?.shippedAt).toBe(new Date(pendant.order.shippedAt as string).toISOString());

    const view = (await desk.staff({ url: `/api/v1/shops/aulso/orders/${pendant.order.number}` })).json();
    expect(view.shipments).toMatchObject([
      { direction: 'outbound', trackingNumber: PENDANT_CODE, status: 'delivered' },
    ]);

    // The same request that went to review without a delivery date is now decided within the window.
    desk.setNow(pendant.now);
    const opened = await desk.app.inject({
      method: 'POST',
      url: '/api/v1/shops/aulso/cases',
      payload: { orderNumber: pendant.order.number, email: 'ana@example.com', request: pendant.request },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ state: 'decided_approved', outcome: 'approved' });
  });

  it('stores the same event once when EasyPost sends it again', async () => {
    const before = await eventCount();
    const res = await post(trackerEvent(PENDANT_CODE, 'YunExpress', 'delivered', delivered));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ shipments: 1, eventsStored: 0, ordersShipped: [], ordersDelivered: [] });
    expect(await eventCount()).toBe(before);
    // A late copy of an older event does not move the parcel back either.
    await post(trackerEvent(PENDANT_CODE, 'YunExpress', 'in_transit', inTransit));
    const [parcel] = await db.select().from(shipments).where(eq(shipments.trackingNumber, PENDANT_CODE));
    expect(parcel?.status).toBe('delivered');
  });

  it('sets an Aoures order’s shippedAt from the first USPS scan in transit when none is on file', async () => {
    const c = scenarioCase('aoures', 'ready-to-ship necklace returned late');
    const { shippedAt: _s, deliveredAt: _d, ...unshipped } = c.order;
    await importOrder('aoures', { ...unshipped, number: 'AOU-70412' });
    await shipOrder('aoures', 'AOU-70412', 'USPS', '9400111202555842332669');
    const res = await post(
      trackerEvent('9400 1112 0255 5842 3326 69', 'USPS', 'in_transit', [
        {
          status: 'pre_transit',
          message: 'Shipping Label Created, USPS Awaiting Item',
          datetime: '2026-03-30T17:02:00Z',
        },
        { status: 'in_transit', message: 'USPS picked up item', datetime: '2026-03-31T00:41:00Z' },
      ]),
    );
    expect(res.json()).toMatchObject({ shipments: 1, eventsStored: 2, ordersShipped: [expect.any(String)] });
    const order = await orderOf('aoures', 'AOU-70412');
    expect(order?.shippedAt).toBe('2026-03-31T00:41:00.000Z');
    expect(order?.deliveredAt).toBeUndefined();
  });

  it('receives a customer’s return when the carrier delivers it to the shop, as EasyPost, once', async () => {
    const c = await openScenarioCase(desk, scenarioCase('aulso', 'two rings sent in the wrong size'));
    let res = await desk.staff({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions/authorize`,
      payload: { revision: 0, shipBy: '2026-10-20T23:59:59+08:00' },
    });
    expect(res.statusCode, res.body).toBe(200);
    // The customer types the USPS number loosely; EasyPost reports it as printed.
    res = await desk.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions/ship_return`,
      payload: { orderNumber: 'AUL-88912', email: 'ana@example.com', revision: 1, trackingNumber: 'lz 472 910 381 us' },
    });
    expect(res.json()).toMatchObject({ state: 'in_transit' });

    const onTheWay: Scan[] = [
      { status: 'pre_transit', message: 'Shipping Label Created', datetime: '2026-10-07T18:00:00Z' },
      { status: 'in_transit', message: 'Departed USPS Regional Facility', datetime: '2026-10-08T04:30:00Z' },
    ];
    res = await post(trackerEvent('LZ472910381US', 'USPS', 'in_transit', onTheWay));
    expect(res.json()).toMatchObject({ shipments: 1, eventsStored: 2, casesReceived: [] });
    expect((await desk.staff({ url: `/api/v1/cases/${c.id}` })).json().state).toBe('in_transit');

    desk.setNow('2026-10-15T11:00:00+08:00');
    const arrived = trackerEvent('LZ472910381US', 'USPS', 'delivered', [
      ...onTheWay,
      { status: 'delivered', message: 'Delivered, Mong Kok', datetime: '2026-10-15T02:40:00Z' },
    ]);
    res = await post(arrived);
    expect(res.json()).toMatchObject({ eventsStored: 1, ordersDelivered: [], casesReceived: [c.id] });
    const view = (await desk.staff({ url: `/api/v1/cases/${c.id}` })).json();
    expect(view).toMatchObject({ state: 'received', due: { kind: 'resolve' } });
    expect(view.timeline.at(-1)).toMatchObject({
      action: 'receive',
      from: 'in_transit',
      to: 'received',
      actor: 'system:easypost',
    });
    expect(view.timeline.at(-1).detail.reason).toContain('LZ472910381US delivered at 2026-10-15T02:40:00.000Z');

    res = await post(arrived);
    expect(res.json()).toMatchObject({ eventsStored: 0, casesReceived: [] });
    const receives = (await db.select().from(auditLog).where(eq(auditLog.caseId, c.id))).filter(
      (a) => a.action === 'receive',
    );
    expect(receives).toHaveLength(1);
    const order = (await desk.staff({ url: '/api/v1/shops/aulso/orders/AUL-88912' })).json();
    expect(order.shipments).toMatchObject([{ direction: 'return', caseId: c.id, status: 'received' }]);
  });

  it('answers 200 and stores nothing for a tracking code Loupe does not know, or an event that is no tracker', async () => {
    const before = await eventCount();
    let res = await post(trackerEvent('RR123456785GB', 'RoyalMail', 'delivered', delivered));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: true, ignored: 'no parcel or return has this tracking code' });
    res = await post({ object: 'Event', id: 'evt_batch', description: 'batch.created', result: { object: 'Batch' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ignored: 'batch.created is not a tracker event', eventsStored: 0 });
    expect(await eventCount()).toBe(before);
  });

  it('refuses a signed body it cannot read with 400', async () => {
    let res = await post('{"object":"Event",');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', message: 'the body is not JSON' });
    const event = trackerEvent(PENDANT_CODE, 'YunExpress', 'delivered', [
      { status: 'in_transit', message: 'Departed', datetime: 'yesterday' },
      { status: 'delivered', message: 'Delivered', datetime: '2026-05-04T22:15:00Z' },
    ]);
    res = await post(event);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'tracking_details[0].datetime' });
  });

  it('leaves the other routes’ JSON parsing as it was (the raw-body parser is this route’s own)', async () => {
    const res = await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/aulso/orders',
      headers: { 'content-type': 'application/json' },
      payload: '{"order":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/not valid JSON/);
  });

  it('answers 500 and stores nothing when the server has no webhook secret', async () => {
    vi.stubEnv('EASYPOST_WEBHOOK_SECRET', '');
    const res = await post(trackerEvent(PENDANT_CODE, 'YunExpress', 'delivered', delivered));
    vi.stubEnv('EASYPOST_WEBHOOK_SECRET', SECRET);
    expect(res.statusCode).toBe(500);
  });
});
