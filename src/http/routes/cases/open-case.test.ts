import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { deskApp } from '../../../../test/desk-app.ts';
import { renderOutboxMails } from '../../../services/mail/render-outbox-mails.ts';
import { cases, mailOutbox } from '../../../storage/schema/index.ts';

const desk = await deskApp();
const { db } = desk.database;

// An Aulso necklace delivered the day before: a change of mind is within the 72 hours.
const order = {
  number: 'A-OPEN-1',
  placedAt: '2026-03-02T10:00:00+08:00',
  currency: 'USD',
  destinationCountry: 'US',
  shippedAt: '2026-03-03T10:00:00+08:00',
  deliveredAt: '2026-03-09T10:00:00+08:00',
  lines: [{ id: 'L1', sku: 'AU-NK-1', title: 'Pearl necklace', category: 'necklace', unitPrice: 5900, quantity: 1 }],
};
const request = {
  type: 'return',
  lines: ['L1'],
  reason: 'changed_mind',
  condition: { used: false, worn: false, damagedByCustomer: false, originalPackaging: true, tagsAttached: true },
  preferredResolution: 'refund',
};
const casesOfOrder = async () => (await db.select({ n: count() }).from(cases))[0]?.n ?? 0;

await desk.staff({
  method: 'POST',
  url: '/api/v1/shops/aulso/orders',
  payload: { order, customer: { email: 'mei@example.com', name: 'Mei' } },
});
desk.setNow('2026-03-10T10:00:00+08:00');

const open = (payload: object, key?: string) =>
  desk.app.inject({
    method: 'POST',
    url: '/api/v1/shops/aulso/cases',
    payload,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  });

describe(`POST /api/v1/shops/:id/cases on ${desk.database.kind}`, () => {
  it("opens the customer's case decided under the policy, with its two mails in the outbox", async () => {
    const before = await casesOfOrder();
    const opened = await open({ orderNumber: order.number, email: 'MEI@example.com', request });
    expect(opened.statusCode).toBe(201);
    const view = opened.json();
    expect(view).toMatchObject({ state: 'decided_approved', order: { number: 'A-OPEN-1' } });
    expect(view.decision.returnShippingPaidBy).toBe('shop');
    expect(view.timeline.map((t: { action: string }) => t.action)).toEqual(['open', 'decide']);
    expect(await casesOfOrder()).toBe(before + 1);
    // What GET answers is what the opening answered: nothing was left out of the view built without reading back.
    const read = await desk.staff({ method: 'GET', url: `/api/v1/cases/${view.id}` });
    const { allowedActions: _staffActions, ...stored } = read.json();
    const { allowedActions: _customerActions, ...answered } = view;
    expect(stored).toEqual(answered);
    const mails = await renderOutboxMails(db, await db.select().from(mailOutbox).where(eq(mailOutbox.caseId, view.id)));
    expect(mails.map((m) => m.event).sort()).toEqual(['decision', 'request_received']);
    expect(mails.every((m) => m.to === 'mei@example.com' && m.subject.includes(view.reference))).toBe(true);
  });

  it('answers a retry with the same Idempotency-Key with the first answer and opens one case', async () => {
    const before = await casesOfOrder();
    const body = { orderNumber: order.number, email: 'mei@example.com', request };
    const first = await open(body, 'open-once-1');
    const again = await open(body, 'open-once-1');
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await casesOfOrder()).toBe(before + 1);
  });

  it('refuses the same key for another request (409) and opens nothing', async () => {
    await open({ orderNumber: order.number, email: 'mei@example.com', request }, 'open-once-2');
    const before = await casesOfOrder();
    const other = await open(
      { orderNumber: order.number, email: 'mei@example.com', request: { ...request, preferredResolution: 'exchange' } },
      'open-once-2',
    );
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await casesOfOrder()).toBe(before);
  });

  it('opens a case each time without a key', async () => {
    const before = await casesOfOrder();
    const body = { orderNumber: order.number, email: 'mei@example.com', request };
    const [a, b] = [await open(body), await open(body)];
    expect(a.json().number).not.toBe(b.json().number);
    expect(await casesOfOrder()).toBe(before + 2);
  });

  it('answers 404 naming orderNumber for an order the shop does not have, and stores nothing', async () => {
    const before = await casesOfOrder();
    const missing = await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/aulso/cases',
      payload: { orderNumber: 'A-NOPE', request },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().path).toBe('orderNumber');
    expect(await casesOfOrder()).toBe(before);
  });
});
