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
const AMIJOSE = { name: 'Amijose', timeZone: 'Europe/London' };

describe(`the back office for Amijose in Chromium, on ${site.database.kind}`, () => {
  it('takes a personalised piece back for exchange or store credit only', { timeout: 90_000 }, async () => {
    // "personalized jewelry pieces are made especially for you; therefore, after 2 hours, they can either be
    //  returned for exchange or store credit."
    const demo = demoDecidedBy('amijose', 'personalised-store-credit');
    const j = new Journey(site, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'decided_approved', money: { currency: 'GBP' } });
    const reference = opened.reference as string;

    const page = await site.newPage({ phone: true });
    await signInAsOwner(site, page);
    await openFromInbox(page, 'amijose', reference);
    await expectText(page, /returned for exchange or store credit/);
    await expectText(page, '(personalised)');
    const offered = opened.decision?.resolutions ?? [];
    expect(offered).not.toContain('refund');
    await returnLeg(site, page, j, AMIJOSE);

    const credit = j.case.money?.refundableCents ?? 0;
    expect(credit).toBeGreaterThan(0);
    const amount = shownMoney(credit, 'GBP');
    expect(amount).toMatch(/^£/);
    await expectText(page, amount);
    await expect.poll(() => page.getByRole('button', { name: 'Refund', exact: true }).count()).toBe(0);
    // The remedies the agent may resolve with are the decision's: no refund among them.
    await page.getByRole('button', { name: 'Resolve', exact: true }).click();
    const remedies = await page.getByRole('dialog').getByLabel('Remedy').locator('option').allTextContents();
    expect(remedies.sort()).toEqual(offered.map((r) => r.replaceAll('_', ' ')).sort());
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    const code = await giveStoreCredit(page, AMIJOSE, reference, amount);
    const ledger = await ledgerOf(site, opened.id);
    expect(ledger.entries).toMatchObject([{ kind: 'store_credit', amountCents: credit, reference: code }]);
    expect(ledger.entries.some((e) => e.kind === 'refund' || e.kind === 'partial_refund')).toBe(false);

    await takeAction(page, 'Resolve', {
      movesTo: 'resolved',
      says: [`Amijose: your request is resolved (${reference})`],
      fill: (d) =>
        d
          .getByLabel('Remedy')
          .selectOption('store_credit')
          .then(() => undefined),
    });
    await expectAccessible(page);
    await screenshot(page, 'desk-case-phone');
  });
});
