import { describe, expect, it } from 'vitest';
import { PAYMENT_METHOD_WORDS } from '../../src/mail/mail-words.ts';
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

describe(`Aulso, end to end on ${desk.database.kind}`, () => {
  it('takes a change of mind back within 72 hours, the shop paying the return, and refunds it', {
    timeout: 60_000,
  }, async () => {
    // "If you’ve changed your mind, you may return eligible items within 72 hours of receiving them.
    //  In this case, we’ll cover the return shipping."
    const demo = demoDecidedBy('aulso', 'change-of-mind-72h');
    expect(demo.request.reason).toBe('changed_mind');
    const delivered = Date.parse(demo.order.deliveredAt ?? '');
    expect(Date.parse(demo.now) - delivered).toBeLessThanOrEqual(72 * 3_600_000);

    const j = new Journey(desk, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_approved', outcome: 'approved' });
    expect(opened.decision).toMatchObject({ returnRequired: true, returnShippingPaidBy: 'shop' });
    expect(opened.decision?.resolutions).toContain('refund');
    expect(j.clauses()).toContain('change-of-mind-72h');
    expect(opened.decision?.reasons.map((r) => r.quote).join(' ')).toContain('we’ll cover the return shipping');

    await j.sendBackAndInspect();
    expect(j.case.outcome).toBe('approved');
    // The instructions sent with the authorization say who pays the parcel.
    const messages = (j.case.messages as { body: string }[]).map((m) => m.body).join('\n');
    expect(messages).toContain('We pay the return shipping.');

    const amount = j.case.money?.refundableCents ?? 0;
    expect(amount).toBeGreaterThan(0);
    const refund = await j.wait(1).money('refunds', amount, 'aulso-refund-1');
    expect(refund.statusCode, refund.body).toBe(201);
    expect(refund.json().entry).toMatchObject({
      kind: 'refund',
      amountCents: amount,
      method: demo.order.paymentMethod,
    });
    // A retry of the same click answers the first refund again, and books nothing more.
    const retry = await j.money('refunds', amount, 'aulso-refund-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(refund.json());

    await j.act('resolve', { resolution: 'refund' });
    await j.act('close');
    const ledger = await j.ledger();
    expect(ledger.entries.map((e) => [e.kind, e.amountCents])).toEqual([['refund', amount]]);
    expect(ledger).toMatchObject({ refundableCents: amount, refundedCents: amount, leftToRefundCents: 0 });

    // What the customer reads, sent over SMTP by the outbox worker: one mail per step, the retried refund once.
    const { name, money } = shopWords('aulso');
    const ref = opened.reference as string;
    const mails = await mailbox.receivedFor(j.case);
    expectFromShopToCustomer(mails, 'aulso', demo.customer.email);
    const decision = expectOpeningMails(mails, opened, demo.order.number);
    expect(decision.subject).toBe(`${name}: your request is approved (${ref})`);
    const currency = opened.money?.currency ?? '';
    expect(currency).toBe(demo.order.currency);
    expect(decision.text).toContain(
      `Up to ${money(opened.money?.refundableCents ?? 0, currency)} can come back to you.`,
    );
    expect(decision.text).toContain('We pay the return shipping.');
    expectReturnInstructions(mails, j.case);
    mailAbout(mails, `${name}: we received your return (${ref})`);
    const refunded = mailAbout(mails, `${name}: we refunded ${money(amount, currency)} (${ref})`);
    expect(refunded.text).toContain(
      `We have refunded ${money(amount, currency)} to your ${PAYMENT_METHOD_WORDS[demo.order.paymentMethod ?? '']}.`,
    );
    expect(refunded.text).not.toContain('A further');
    mailAbout(mails, `${name}: your request is resolved (${ref})`);
    expect(mails).toHaveLength(6);
  });

  it('refuses the same change of mind once 72 hours have passed', { timeout: 30_000 }, async () => {
    const demo = demoDecidedBy('aulso', 'change-of-mind-after-72h');
    const j = new Journey(desk, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_denied', outcome: 'denied', money: { refundableCents: 0 } });
    expect((await j.try('authorize')).statusCode).toBe(409);

    // The customer reads the no, in the sentence of the policy behind it.
    const mails = await mailbox.receivedFor(j.case);
    expectFromShopToCustomer(mails, 'aulso', demo.customer.email);
    const denied = expectOpeningMails(mails, opened, demo.order.number);
    expect(denied.subject).toBe(`${shopWords('aulso').name}: we cannot accept your request (${opened.reference})`);
    expect(mails).toHaveLength(2);
  });
});
