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

describe(`Amijose, end to end on ${desk.database.kind}`, () => {
  it('takes a personalised piece back for store credit only, never a refund', { timeout: 60_000 }, async () => {
    // "personalized jewelry pieces are made especially for you; therefore, after 2 hours, they can either be
    //  returned for exchange or store credit."
    const demo = demoDecidedBy('amijose', 'personalised-store-credit');
    expect(demo.order.lines.find((l) => l.id === (demo.request.lines[0] ?? 'L1'))?.personalized).toBe(true);
    const j = new Journey(desk, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_approved', outcome: 'approved', money: { currency: 'GBP' } });
    const offered = opened.decision?.resolutions ?? [];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((r) => r === 'exchange' || r === 'store_credit')).toBe(true);
    expect(offered).not.toContain('refund');
    expect(j.clauses()).toContain('personalised-store-credit');

    await j.sendBackAndInspect();
    const refused = await j.try('resolve', { resolution: 'refund' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'resolution' });

    const credit = j.case.money?.refundableCents ?? 0;
    expect(credit).toBeGreaterThan(0);
    const issued = await j.wait(1).money('store-credit', credit, 'amijose-credit-1');
    expect(issued.statusCode, issued.body).toBe(201);
    expect(issued.json().giftCard).toMatchObject({ shopId: 'amijose', currency: 'GBP', balanceCents: credit });
    await j.act('resolve', { resolution: 'store_credit' });
    await j.act('close');

    const ledger = await j.ledger();
    expect(ledger.entries.map((e) => e.kind)).toEqual(['store_credit']);
    expect(ledger.entries.some((e) => e.kind === 'refund' || e.kind === 'partial_refund')).toBe(false);

    // What the customer reads, sent over SMTP by the outbox worker: pounds, and the gift card's code.
    const { name, money } = shopWords('amijose');
    const ref = opened.reference as string;
    const mails = await mailbox.receivedFor(j.case);
    expectFromShopToCustomer(mails, 'amijose', demo.customer.email);
    const approved = expectOpeningMails(mails, opened, demo.order.number);
    expect(approved.subject).toBe(`${name}: your request is approved (${ref})`);
    expect(approved.text).not.toContain('a refund');
    expectReturnInstructions(mails, j.case);
    mailAbout(mails, `${name}: we received your return (${ref})`);
    const amount = money(credit, 'GBP');
    expect(amount).toMatch(/^£/);
    const creditMail = mailAbout(mails, `${name}: your store credit of ${amount} (${ref})`);
    expect(creditMail.text).toContain(`We have issued ${amount} of store credit as a gift card.`);
    expect(creditMail.text).toContain(`Your gift card code: ${issued.json().giftCard.code}`);
    mailAbout(mails, `${name}: your request is resolved (${ref})`);
    expect(mails).toHaveLength(6);
  });
});
