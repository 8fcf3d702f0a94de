import { describe, expect, it } from 'vitest';
import { demoDecidedBy, Journey } from '../e2e/journey.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';
import {
  expectText,
  giveStoreCredit,
  ledgerOf,
  openFromInbox,
  returnLeg,
  shownMoney,
  signInAsOwner,
  takeAction,
} from './desk-pages.ts';

const site = await browserSite();
const THEOR = { name: 'The Or', timeZone: 'America/New_York' };

describe(`the back office for The Or in Chromium, on ${site.database.kind}`, () => {
  it('takes a piece back within 14 days for a gift-card code, never a refund', { timeout: 90_000 }, async () => {
    // "we accept all unused and undamaged items within 14 days … for store credit only"
    const demo = demoDecidedBy('theor', 'store-credit-within-14-days');
    const j = new Journey(site, demo);
    const opened = await j.open();
    expect(opened.decision?.resolutions).toEqual(['store_credit']);
    const reference = opened.reference as string;
    const credit = opened.money?.refundableCents ?? 0;
    expect(credit).toBeGreaterThan(0);
    const amount = shownMoney(credit, 'USD');

    const page = await site.newPage({ phone: true });
    await signInAsOwner(site, page);
    await openFromInbox(page, 'theor', reference);
    await expectText(page, /store credit only/i);
    await expectText(page, 'yes, return shipping at the customer’s cost');
    await returnLeg(site, page, j, THEOR);

    // Store credit is the only money on offer: no refund button.
    await expect.poll(() => page.getByRole('button', { name: 'Refund', exact: true }).count()).toBe(0);
    const code = await giveStoreCredit(page, THEOR, reference, amount);
    const ledger = await ledgerOf(site, opened.id);
    expect(ledger.entries).toMatchObject([{ kind: 'store_credit', amountCents: credit, reference: code }]);
    // The ledger on the page names the gift card.
    await expectText(page, `gift card ${code}`);
    const card = await site.app.inject({ url: `/api/v1/gift-cards/${code}` });
    expect(card.json()).toMatchObject({ shopId: 'theor', balanceCents: credit });

    await takeAction(page, 'Resolve', {
      movesTo: 'resolved',
      says: [`The Or: your request is resolved (${reference})`],
    });
    await expectAccessible(page);
    await screenshot(page, 'desk-case-store-credit');
  });
});
