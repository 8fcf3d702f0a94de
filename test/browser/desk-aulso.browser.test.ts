import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../web/src/desk/money-input.ts';
import { demoDecidedBy, Journey } from '../e2e/journey.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';
import {
  expectHeading,
  expectText,
  firstOwner,
  ledgerOf,
  openFromInbox,
  shownInstant,
  shownMoney,
  signInAsOwner,
  takeAction,
} from './desk-pages.ts';

const site = await browserSite();
const HONG_KONG = 'Asia/Hong_Kong';

describe(`the back office for Aulso in Chromium, on ${site.database.kind}`, () => {
  it('refuses a wrong password with a clear message, then signs the owner in and out', {
    timeout: 30_000,
  }, async () => {
    const owner = await firstOwner(site);
    const page = await site.newPage({ phone: true });
    await page.goto('/desk/inbox');
    await expectHeading(page, 'Sign in to the back office');
    await expectAccessible(page);
    await screenshot(page, 'desk-sign-in');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page, 'That email and password do not match a staff account.');
    await page.getByLabel('Password').fill(owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The page asked for shows once signed in.
    await expectHeading(page, 'Inbox');
    await expectText(page, 'owner (owner, every shop)');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHeading(page, 'Sign in to the back office');
    await page.reload();
    await expectHeading(page, 'Sign in to the back office');
  });

  it('takes a change of mind back within 72 hours, the shop paying the return, and refunds it once', {
    timeout: 90_000,
  }, async () => {
    // "If you’ve changed your mind, you may return eligible items within 72 hours of receiving them.
    //  In this case, we’ll cover the return shipping."
    const demo = demoDecidedBy('aulso', 'change-of-mind-72h');
    const j = new Journey(site, demo);
    const opened = await j.open();
    expect(opened.state).toBe('decided_approved');
    const reference = opened.reference as string;
    const currency = opened.money?.currency ?? '';
    const amount = opened.money?.refundableCents ?? 0;
    expect(amount).toBeGreaterThan(0);

    const page = await site.newPage();
    await signInAsOwner(site, page);
    await openFromInbox(page, 'aulso', reference);
    // The decision, in the shop's own sentence, and what it grants.
    await expectText(page, /we’ll cover the return shipping/);
    await expectText(page, 'yes, return shipping paid by the shop');
    await expectText(page, shownMoney(amount, currency));
    const respondsBy = (opened.deadlines as { respondsBy: string | null }).respondsBy;
    if (respondsBy) await expectText(page, shownInstant(respondsBy, HONG_KONG));

    j.wait(3);
    const shipDate = localDateOf(new Date(Date.parse(demo.now) + 14 * 86_400_000).toISOString(), HONG_KONG);
    await takeAction(page, 'Authorize the return', {
      movesTo: 'awaiting return',
      says: [
        `Aulso: your return is authorized, with its authorization number (${reference})`,
        'paid by the shop',
        `Up to ${shownMoney(amount, currency)} can come back after inspection.`,
      ],
      fill: async (dialog) => {
        // The policy's contact address is where returns go; it gives no ship-back window, so the agent sets one.
        await expect.poll(() => dialog.getByLabel('Return address').inputValue()).toContain('Mong Kok');
        await dialog.getByLabel('Ship back by (the shop’s date)').fill(shipDate);
        await expectText(dialog, shownInstant(`${shipDate}T23:59:59+08:00`, HONG_KONG));
      },
    });
    const authorized = (await site.staff({ url: `/api/v1/cases/${opened.id}` })).json();
    await expectText(page, authorized.authorizationNumber);
    await expectText(page, shownInstant(authorized.deadlines.shipBy, HONG_KONG));

    j.wait(2); // a session lasts 12 hours: the journey stays within one working day
    await takeAction(page, 'Mark received', {
      movesTo: 'received',
      says: [`Aulso: we received your return (${reference})`],
    });
    j.wait(2);
    await takeAction(page, 'Inspect', { movesTo: 'inspected', says: ['it can only shrink'] });

    // A double click on the refund's confirmation books it once.
    j.wait(1);
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog, `Aulso: we refunded ${shownMoney(amount, currency)} (${reference})`);
    await expectText(dialog, `${shownMoney(amount, currency)} back to the customer’s`);
    await expectAccessible(page, 'the refund dialog');
    await screenshot(page, 'desk-refund-dialog');
    await dialog.getByRole('button', { name: /^Confirm/ }).dblclick();
    await expectText(page, `Refunded ${shownMoney(amount, currency)} to the customer’s`);
    const ledger = await ledgerOf(site, opened.id);
    expect(ledger.entries.map((e) => [e.kind, e.amountCents])).toEqual([['refund', amount]]);
    expect(ledger.leftToRefundCents).toBe(0);
    // The ledger on the page says the same, and nothing is left to give back.
    await expectText(page.locator('section', { hasText: 'Ledger' }), 'Left to give back');
    await expect.poll(() => page.getByRole('button', { name: 'Refund', exact: true }).count()).toBe(0);

    await takeAction(page, 'Resolve', {
      movesTo: 'resolved',
      says: [`Aulso: your request is resolved (${reference})`],
      fill: (d) =>
        d
          .getByLabel('Remedy')
          .selectOption('refund')
          .then(() => undefined),
    });
    await expectAccessible(page);
    await screenshot(page, 'desk-case-resolved');
  });
});
