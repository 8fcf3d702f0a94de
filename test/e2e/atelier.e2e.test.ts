import { describe, expect, it } from 'vitest';
import { deskApp } from '../desk-app.ts';
import { demoDecidedBy, Journey } from './journey.ts';
import {
  expectFromShopToCustomer,
  expectOpeningMails,
  expectReturnInstructions,
  journeyMailbox,
  mailAbout,
  shopWords,
} from './journey-mail.ts';

const desk = await deskApp();
const mailbox = await journeyMailbox(desk);

describe(`Atelier, end to end on ${desk.database.kind}`, () => {
  it('cannot cancel an order whose production has started, and refunds nothing', { timeout: 60_000 }, async () => {
    // "After you order the goods, we will start your order one day later. Once the order starts production
    //  or has been shipped, we will not support refunds."
    const demo = demoDecidedBy('atelier', 'cancel-after-one-day', (d) => d.request.type === 'cancel');
    expect(Date.parse(demo.order.productionStartedAt ?? '')).toBeLessThan(Date.parse(demo.now));
    const j = new Journey(desk, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_denied', outcome: 'denied' });
    expect(opened.decision?.resolutions).toEqual([]);
    expect(j.clauses()).toContain('cancel-after-one-day');
    expect(opened.decision?.reasons.map((r) => r.quote).join(' ')).toContain('Once the order starts production');
    expect(opened.money).toMatchObject({ refundableCents: 0, refundedCents: 0 });

    // Nothing moves a denied cancellation towards money: no resolution, no authorization, no refund.
    const resolve = await j.try('resolve', { resolution: 'cancel' });
    expect(resolve.statusCode).toBe(409);
    expect(resolve.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect((await j.try('authorize')).statusCode).toBe(409);
    const refund = await j.money('refunds', demo.order.lines[0]?.unitPrice ?? 1, 'atelier-cancel-refund');
    expect(refund.statusCode).toBe(409);
    expect(refund.json()).toMatchObject({ code: 'REMEDY_NOT_OFFERED' });

    await j.act('close');
    const ledger = await j.ledger();
    expect(ledger).toMatchObject({ refundableCents: 0, refundedCents: 0, entries: [] });

    // The customer hears the no in the shop's own sentence, and nothing after it: no money moved.
    const mails = await mailbox.receivedFor(j.case);
    expectFromShopToCustomer(mails, 'atelier', demo.customer.email);
    const denied = expectOpeningMails(mails, opened, demo.order.number);
    expect(denied.subject).toBe(`${shopWords('atelier').name}: we cannot accept your request (${opened.reference})`);
    expect(denied.text).toContain('Once the order starts production');
    expect(denied.text).not.toMatch(/can come back to you/);
    expect(mails).toHaveLength(2);
  });

  it('refunds a piece made wrong, reported within 48 hours, once it is back and inspected', {
    timeout: 60_000,
  }, async () => {
    // "Due to our mistakes, such as wrong styles, shapes, sizes, colors, and materials, we will accept a full
    //  refund or remake for customers." The demo reports the wrong size; here the customer sends it back.
    const reported = demoDecidedBy('atelier', 'our-mistake', (d) => d.decidedBy.length === 1);
    const j = new Journey(desk, { ...reported, request: { ...reported.request, type: 'return' } });
    const opened = await j.open();
    expect(j.clauses()).toContain('our-mistake');
    expect(opened).toMatchObject({ state: 'decided_approved', outcome: 'approved' });
    expect(opened.decision?.resolutions).toEqual(expect.arrayContaining(['refund', 'remake']));
    await j.sendBackAndInspect();
    const amount = j.case.money?.refundableCents ?? 0;
    const refund = await j.money('refunds', amount, 'atelier-mistake-refund');
    expect(refund.statusCode, refund.body).toBe(201);
    await j.act('resolve', { resolution: 'refund' });
    const ledger = await j.ledger();
    expect(ledger.entries.map((e) => e.kind)).toEqual(['refund']);
    expect(ledger.refundedCents).toBe(amount);

    const { name, money } = shopWords('atelier');
    const ref = opened.reference as string;
    const currency = j.case.money?.currency ?? '';
    const mails = await mailbox.receivedFor(j.case);
    expectFromShopToCustomer(mails, 'atelier', reported.customer.email);
    const approved = expectOpeningMails(mails, opened, reported.order.number);
    expect(approved.subject).toBe(`${name}: your request is approved (${ref})`);
    expectReturnInstructions(mails, j.case);
    mailAbout(mails, `${name}: we received your return (${ref})`);
    const refunded = mailAbout(mails, `${name}: we refunded ${money(amount, currency)} (${ref})`);
    expect(refunded.text).toContain(`We have refunded ${money(amount, currency)} to your`);
    mailAbout(mails, `${name}: your request is resolved (${ref})`);
    expect(mails).toHaveLength(6);
  });
});
