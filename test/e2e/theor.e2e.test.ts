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

describe(`The Or, end to end on ${desk.database.kind}`, () => {
  it('returns a piece within 14 days for a gift-card code, never a refund', { timeout: 60_000 }, async () => {
    // "we accept all unused and undamaged items within 14 days … for store credit only"
    const demo = demoDecidedBy('theor', 'store-credit-within-14-days');
    const j = new Journey(desk, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_approved', outcome: 'approved' });
    expect(opened.decision?.resolutions).toEqual(['store_credit']);
    expect(j.clauses()).toContain('store-credit-within-14-days');
    expect(opened.decision?.returnShippingPaidBy).toBe('customer');
    const credit = opened.money?.refundableCents ?? 0;
    expect(credit).toBeGreaterThan(0);

    await j.sendBackAndInspect();
    expect(j.case.outcome).toBe('approved');

    // The refund the customer might ask for is not on offer: the case cannot be resolved with one.
    const refused = await j.try('resolve', { resolution: 'refund' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'resolution' });

    // Nor can money go back to the card: "for store credit only".
    const toCard = await j.money('refunds', credit, 'theor-refund-1');
    expect(toCard.statusCode).toBe(409);
    expect(toCard.json()).toMatchObject({ code: 'REMEDY_NOT_OFFERED', path: 'amountCents' });

    const issued = await j.wait(1).money('store-credit', credit, 'theor-credit-1');
    expect(issued.statusCode, issued.body).toBe(201);
    const { giftCard } = issued.json();
    expect(giftCard.code).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
    expect(giftCard).toMatchObject({ shopId: 'theor', currency: 'USD', initialCents: credit, balanceCents: credit });
    const card = await desk.app.inject({ url: `/api/v1/gift-cards/${giftCard.code}` });
    expect(card.json()).toMatchObject({ balanceCents: credit });

    await j.act('resolve', { resolution: 'store_credit' });
    await j.act('close');
    expect(j.case.state).toBe('closed');

    const ledger = await j.ledger();
    expect(ledger.entries.map((e) => e.kind)).toEqual(['store_credit']);
    expect(ledger.entries[0]).toMatchObject({ amountCents: credit, reference: giftCard.code });
    expect(ledger).toMatchObject({ refundedCents: credit, leftToRefundCents: 0 });

    // What the customer reads, sent over SMTP by the outbox worker: the code to spend is the one the desk issued.
    const { name, money } = shopWords('theor');
    const ref = opened.reference as string;
    const mails = await mailbox.receivedFor(j.case);
    expectFromShopToCustomer(mails, 'theor', demo.customer.email);
    const approved = expectOpeningMails(mails, opened, demo.order.number);
    expect(approved.subject).toBe(`${name}: your request is approved (${ref})`);
    expect(approved.text).toContain('We can offer store credit.');
    expect(approved.text).toContain('The return shipping is at your cost.');
    expectReturnInstructions(mails, j.case);
    mailAbout(mails, `${name}: we received your return (${ref})`);
    const creditMail = mailAbout(mails, `${name}: your store credit of ${money(credit, 'USD')} (${ref})`);
    expect(creditMail.text).toContain(`Your gift card code: ${giftCard.code}`);
    expect(creditMail.text.match(/[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}/g)).toEqual([giftCard.code]);
    mailAbout(mails, `${name}: your request is resolved (${ref})`);
    expect(mails).toHaveLength(6);
  });
});
