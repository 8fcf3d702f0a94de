import { describe, expect, it } from 'vitest';
import { demoDecidedBy, Journey } from '../e2e/journey.ts';
import { browserSite, expectAccessible } from './browser-site.ts';
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
const AOURES = { name: 'Aoures', timeZone: 'America/Los_Angeles' };

describe(`the back office for Aoures in Chromium, on ${site.database.kind}`, () => {
  it('reviews a made-to-order return with a written reason, then takes it back for store credit', {
    timeout: 90_000,
  }, async () => {
    // "We typically don't accept returns for Custom Made-to-Order items … we are happy to assist with any situation."
    const demo = demoDecidedBy('aoures', 'made-to-order-or-international', (d) =>
      d.order.lines.every((l) => l.fulfillment === 'made_to_order'),
    );
    const j = new Journey(site, demo);
    const opened = await j.open();
    expect(opened).toMatchObject({ state: 'needs_review', outcome: 'needs_review' });
    const reference = opened.reference as string;

    const page = await site.newPage();
    await signInAsOwner(site, page);
    // The inbox filtered to what needs review, as a bookmarkable address.
    await page.goto('/desk/inbox?state=needs_review&type=return');
    await expectText(page, reference);
    expect(await page.getByLabel('State').inputValue()).toBe('needs_review');
    await openFromInbox(page, 'aoures', reference);
    await expectText(page, /Custom Made-to-Order/);
    await expectText(page, '(made to order)');
    expect(await page.getByRole('button', { name: 'Authorize the return' }).count()).toBe(0);

    const reason = 'Unworn, sized wrong by us on the order form: taking it back';
    j.wait(2);
    await takeAction(page, 'Review and decide', {
      movesTo: 'decided approved',
      before: ['depends on the outcome you choose', 'None: the customer is not mailed.'],
      fill: async (dialog) => {
        await dialog.getByLabel('approved').check();
        await dialog.getByLabel('Reason, written for the customer and the audit trail').fill(reason);
      },
      says: [`Aoures: your request is approved (${reference}), quoting the policy’s reasons`],
    });
    // The reason is on the timeline, beside who wrote it.
    await expectText(page, `“${reason}”`);
    await expectText(page, /review by owner:owner/);
    j.case = (await site.staff({ url: `/api/v1/cases/${opened.id}` })).json();
    const credit = j.case.money?.refundableCents ?? 0;
    expect(credit).toBeGreaterThan(0);

    await returnLeg(site, page, j, AOURES);
    const amount = shownMoney(credit, demo.order.currency);
    const code = await giveStoreCredit(page, AOURES, reference, amount);
    expect((await ledgerOf(site, opened.id)).entries).toMatchObject([
      { kind: 'store_credit', amountCents: credit, reference: code },
    ]);
    await takeAction(page, 'Resolve', {
      movesTo: 'resolved',
      says: [`Aoures: your request is resolved (${reference})`],
      fill: (d) =>
        d
          .getByLabel('Remedy')
          .selectOption('store_credit')
          .then(() => undefined),
    });
    await expectAccessible(page);
  });
});
