import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { deskApp } from '../../../test/desk-app.ts';
import { cases, mailOutbox } from '../../storage/schema/index.ts';
import { issueRefund } from '../money/issue-refund.ts';
import { moneyCase } from '../money/test-fixtures.ts';
import type { ServiceContext } from '../service-context.ts';
import { renderOutboxMails } from './render-outbox-mails.ts';

const desk = await deskApp();

// An Aulso necklace delivered the day before: a change of mind is within the 72 hours.
const order = {
  number: 'A-RENDER-1',
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

const mailsOf = async (db: typeof desk.database.db, caseId: string) =>
  renderOutboxMails(
    db,
    await db.select().from(mailOutbox).where(eq(mailOutbox.caseId, caseId)).orderBy(asc(mailOutbox.seq)),
  );

describe(`mails rendered when sent, on ${desk.database.kind}`, () => {
  it('stores a new case’s mails without their text and renders them from the case and the decision as it was', async () => {
    await desk.staff({
      method: 'POST',
      url: '/api/v1/shops/aulso/orders',
      payload: { order, customer: { email: 'mei@example.com', name: 'Mei' } },
    });
    desk.setNow('2026-03-10T10:00:00+08:00');
    const opened = await desk.app.inject({
      method: 'POST',
      url: '/api/v1/shops/aulso/cases',
      payload: { orderNumber: order.number, email: 'mei@example.com', request },
    });
    expect(opened.statusCode).toBe(201);
    const view = opened.json();
    const { db } = desk.database;
    const stored = await db.select().from(mailOutbox).where(eq(mailOutbox.caseId, view.id));
    expect(stored.map((m) => [m.event, m.subject, m.text, m.html])).toEqual(
      expect.arrayContaining([
        ['request_received', null, null, null],
        ['decision', null, null, null],
      ]),
    );
    // Staff decide otherwise before the mail leaves: it still says what was decided when it was written.
    await db.update(cases).set({ outcome: 'denied' }).where(eq(cases.id, view.id));
    const [received, decision] = await mailsOf(db, view.id);
    expect(received?.subject).toBe(`Aulso: we have your return request (${view.reference})`);
    expect(received?.text).toContain('Hello Mei,');
    expect(received?.text).toContain(`about order ${order.number}`);
    expect(decision?.subject).toBe(`Aulso: your request is approved (${view.reference})`);
    expect(decision?.html).toContain('<blockquote');
    expect(decision?.html).toContain(`mailto:${decision?.replyTo}`);
  });
});

describe(`a mail about money, on ${desk.database.kind}`, async () => {
  const { db } = await testDatabase();
  const ctx: ServiceContext = { db, now: () => new Date('2026-05-04T08:00:00Z'), newId: () => crypto.randomUUID() };

  it('tells what was left to refund after its refund, though a second refund followed before it was sent', async () => {
    const c = await moneyCase(db, { resolutions: ['refund'], refundableCents: 10_000 });
    await issueRefund(ctx, c.staff, { caseId: c.caseId, amountCents: 2_500 });
    await issueRefund(ctx, c.staff, { caseId: c.caseId, amountCents: 5_000 });
    const [first, second] = await mailsOf(db, c.caseId);
    expect(first?.text).toContain('We have refunded $25.00');
    expect(first?.text).toContain('A further $75.00 can still come back to you');
    expect(second?.text).toContain('We have refunded $50.00');
    expect(second?.text).toContain('A further $25.00 can still come back to you');
  });
});
