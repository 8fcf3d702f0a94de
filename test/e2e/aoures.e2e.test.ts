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

describe(`Aoures, end to end on ${desk.database.kind}`, () => {
  it('sends a made-to-order return to review; once staff take it, it comes back for store credit', {
    timeout: 60_000,
  }, async () => {
    // "We typically don't accept returns for Custom Made-to-Order items … we are happy to assist with any situation."
    const demo = demoDecidedBy('aoures', 'made-to-order-or-international', (d) =>
      d.order.lines.every((l) => l.fulfillment === 'made_to_order'),
    );
    const j = new Journey(desk, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'needs_review', outcome: 'needs_review', money: { refundableCents: 0 } });
    expect(j.clauses()).toContain('made-to-order-or-international');
    expect(opened.allowedActions).toEqual(['withdraw']);
    const asStaff = await desk.staff({ url: `/api/v1/cases/${opened.id}` });
    expect(asStaff.json().allowedActions).toContain('review');

    // The shop's judgement, written down: nothing moves until someone reviews it.
    expect((await j.try('authorize')).statusCode).toBe(409);
    const unexplained = await j.try('review', { outcome: 'approved' });
    expect(unexplained.statusCode).toBe(400);
    expect(unexplained.json()).toMatchObject({ code: 'MISSING_INPUT', path: 'reason' });
    await j
      .wait(5)
      .act('review', { outcome: 'approved', reason: 'Unworn, sized wrong by us on the order form: taking it back' });
    expect(j.case).toMatchObject({ state: 'decided_approved', outcome: 'approved' });
    const credit = j.case.money?.refundableCents ?? 0;
    expect(credit).toBe(demo.order.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity - (l.discount ?? 0), 0));

    await j.sendBackAndInspect();
    expect(j.case.outcome).toBe('approved');
    const issued = await j.wait(1).money('store-credit', credit, 'aoures-credit-1');
    expect(issued.statusCode, issued.body).toBe(201);
    await j.act('resolve', { resolution: 'store_credit' });
    await j.act('close');

    const timeline = (j.case.timeline as { action: string; actor: string; detail: { reason?: string } }[]).map(
      (t) => `${t.action} by ${t.actor}`,
    );
    expect(timeline).toEqual([
      `open by customer:${demo.customer.email}`,
      'decide by system:loupe',
      'review by owner:dev',
      'authorize by owner:dev',
      `ship_return by customer:${demo.customer.email}`,
      'receive by owner:dev',
      'inspect by owner:dev',
      'issue_store_credit by owner:dev',
      'resolve by owner:dev',
      'close by owner:dev',
    ]);
    const ledger = await j.ledger();
    expect(ledger.entries.map((e) => [e.kind, e.amountCents])).toEqual([['store_credit', credit]]);

    // What the customer reads, sent over SMTP by the outbox worker: the policy's word, then the shop's.
    const { name, money } = shopWords('aoures');
    const ref = opened.reference as string;
    const mails = await mailbox.receivedFor(j.case);
    expectFromShopToCustomer(mails, 'aoures', demo.customer.email);
    const review = expectOpeningMails(mails, opened, demo.order.number);
    expect(review.subject).toBe(`${name}: our care team is looking at your request (${ref})`);
    const approved = mailAbout(mails, `${name}: your request is approved (${ref})`);
    expect(approved.text).toContain('Unworn, sized wrong by us on the order form: taking it back');
    expect(approved.text).toContain(`Up to ${money(credit, demo.order.currency)} can come back to you.`);
    expectReturnInstructions(mails, j.case);
    mailAbout(mails, `${name}: we received your return (${ref})`);
    const creditMail = mailAbout(mails, `${name}: your store credit of ${money(credit, demo.order.currency)} (${ref})`);
    expect(creditMail.text).toContain(`Your gift card code: ${issued.json().giftCard.code}`);
    mailAbout(mails, `${name}: your request is resolved (${ref})`);
    expect(mails).toHaveLength(7);
  });
});
