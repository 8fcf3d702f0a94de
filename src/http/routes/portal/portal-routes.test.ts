import { describe, expect, it } from 'vitest';
import { deskApp } from '../../../../test/desk-app.ts';
import { demoDecidedBy } from '../../../../test/e2e/journey.ts';
import type { DemoOrder } from '../../../demo/generate-demo-orders.ts';

const desk = await deskApp();

/** The shop imports the demo's order; the clock then stands where the customer asks. */
async function imported(demo: DemoOrder) {
  desk.setNow(demo.order.placedAt);
  const res = await desk.staff({
    method: 'POST',
    url: `/api/v1/shops/${demo.shop}/orders`,
    payload: { order: demo.order, customer: demo.customer },
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  desk.setNow(demo.now);
  return desk.signInCustomer(demo.shop, demo.order.number, demo.customer.email);
}

describe(`the portal’s routes on ${desk.database.kind}`, () => {
  it('answers a delivered Aulso order’s options: a return open until 72 h after delivery, who pays, the questions', async () => {
    const demo = demoDecidedBy('aulso', 'change-of-mind-72h');
    const session = await imported(demo);
    const res = await desk.withSession(session, { url: `/api/v1/shops/aulso/orders/${demo.order.number}/options` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.timeZone).toBe('Asia/Hong_Kong');
    expect(body.options.map((o: { type: string }) => o.type)).toEqual([
      'return',
      'exchange',
      'warranty',
      'report_problem',
    ]);
    const ret = body.options[0];
    expect(ret).toMatchObject({
      type: 'return',
      outcome: 'approved',
      returnShippingPaidBy: 'shop',
      reason: 'changed_mind',
    });
    expect(ret.deadline).toEqual({ at: '2026-06-06T06:00:00.000Z', localDate: '2026-06-06' });
    expect(ret.lines).toEqual([
      { id: 'L1', title: 'Pearl Drop Necklace', outcome: 'approved', deadline: ret.deadline },
    ]);
    expect(ret.reasons.map((r: { quote: string }) => r.quote).join(' ')).toContain('we’ll cover the return shipping');
    expect(ret.questions.map((q: { fact: string }) => q.fact)).toEqual([
      'used',
      'worn',
      'damagedByCustomer',
      'originalPackaging',
      'tagsAttached',
    ]);
  });

  it('answers an Atelier order in production: cancelling is refused in the shop’s words', async () => {
    const demo = demoDecidedBy('atelier', 'cancel-after-one-day', (d) => d.request.type === 'cancel');
    const session = await imported(demo);
    const res = await desk.withSession(session, { url: `/api/v1/shops/atelier/orders/${demo.order.number}/options` });
    const cancel = res.json().options.find((o: { type: string }) => o.type === 'cancel');
    expect(cancel).toMatchObject({ outcome: 'denied', resolutions: [] });
    expect(cancel.reasons.map((r: { quote: string }) => r.quote)).toContain(
      'Once the order starts production or has been shipped, we will not support refunds.',
    );
  });

  it('previews the decision opening the case would store, and stores nothing', async () => {
    const demo = demoDecidedBy('theor', 'store-credit-within-14-days');
    const session = await imported(demo);
    const preview = await desk.withSession(session, {
      method: 'POST',
      url: `/api/v1/shops/theor/orders/${demo.order.number}/preview`,
      payload: { request: demo.request },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const order = await desk.staff({ url: `/api/v1/shops/theor/orders/${demo.order.number}` });
    expect(order.json().cases).toEqual([]);
    const opened = await desk.withSession(session, {
      method: 'POST',
      url: '/api/v1/shops/theor/cases',
      payload: { orderNumber: demo.order.number, request: demo.request },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(preview.json()).toEqual(opened.json().decision);
    expect(preview.json().resolutions).toEqual(['store_credit']);
  });

  it('shows the customer the gift-card code their case issued, and no one else’s', async () => {
    const demo = demoDecidedBy('amijose', 'personalised-store-credit');
    const session = await imported(demo);
    const opened = await desk.withSession(session, {
      method: 'POST',
      url: '/api/v1/shops/amijose/cases',
      payload: { orderNumber: demo.order.number, request: demo.request },
    });
    const caseId = opened.json().id;
    const url = `/api/v1/cases/${caseId}/issued-money`;
    expect((await desk.withSession(session, { url })).json()).toEqual([]);
    const credit = await desk.staff({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/store-credit`,
      headers: { 'idempotency-key': 'portal-routes-credit' },
      payload: { amountCents: 1000 },
    });
    expect(credit.statusCode, credit.body).toBe(201);
    const issued = (await desk.withSession(session, { url })).json();
    expect(issued).toEqual([
      {
        kind: 'store_credit',
        amountCents: 1000,
        currency: 'GBP',
        method: 'gift_card',
        giftCardCode: credit.json().giftCard.code,
        issuedAt: expect.any(String),
      },
    ]);
    const other = demoDecidedBy('aulso', 'change-of-mind-72h');
    other.order.number = 'AUL-OTHER-1';
    const stranger = await imported(other);
    expect((await desk.withSession(stranger, { url })).statusCode).toBe(403);
  });

  it('lists a signed-in customer’s orders; staff have none and anonymous callers are asked to sign in', async () => {
    const demo = demoDecidedBy('aoures', 'made-to-order-or-international', (d) =>
      d.order.lines.every((l) => l.fulfillment === 'made_to_order'),
    );
    const session = await imported(demo);
    const mine = await desk.withSession(session, { url: '/api/v1/sessions/current/orders' });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toEqual([
      expect.objectContaining({ shop: 'aoures', number: demo.order.number, delivered: true, currency: 'USD' }),
    ]);
    expect((await desk.staff({ url: '/api/v1/sessions/current/orders' })).statusCode).toBe(403);
    expect((await desk.app.inject({ url: '/api/v1/sessions/current/orders' })).statusCode).toBe(401);
  });

  it('links the order’s parcel to its carrier’s tracking page', async () => {
    const demo = demoDecidedBy('theor', 'store-credit-within-14-days');
    demo.order.number = 'TOR-TRACK-1';
    demo.order.carrier = { name: 'USPS', trackingNumber: '9400 1112 0255 5842 3326 69' };
    const session = await imported(demo);
    const order = await desk.withSession(session, { url: `/api/v1/shops/theor/orders/${demo.order.number}` });
    expect(order.json().tracking).toEqual({
      carrierName: 'USPS',
      trackingNumber: '9400111202555842332669',
      trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111202555842332669',
    });
  });
});
