import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createFirstOwner, type FirstOwner } from '../../src/services/people/create-first-owner.ts';
import { localDateOf } from '../../web/src/desk/money-input.ts';
import { formatInstant, formatMoney } from '../../web/src/ui/format.ts';
import type { Journey } from '../e2e/journey.ts';
import type { BrowserSite } from './browser-site.ts';
import { expectAccessible, screenshot } from './browser-site.ts';

/** The reader's locale of the test browser (browser-site.ts): what the agent's dates and amounts read like. */
const LOCALE = 'en-GB';
/** An amount as the agent's browser shows it. */
export const shownMoney = (cents: number, currency: string) => formatMoney(cents, currency, LOCALE);
/** An instant as the agent's browser shows it, on the shop's clock. */
export const shownInstant = (iso: string, timeZone: string) => formatInstant(iso, timeZone, LOCALE);

const owners = new WeakMap<BrowserSite, Promise<FirstOwner | undefined>>();

/** The owner `loupe serve` would make at first start, made once per test file's database. */
export async function firstOwner(site: BrowserSite): Promise<FirstOwner> {
  if (!owners.has(site)) owners.set(site, createFirstOwner(site.ctx, 'owner@localhost'));
  const owner = await owners.get(site);
  if (!owner) throw new Error('a staff account existed before the first owner');
  return owner;
}

/** A text on the page, once it shows. */
export async function expectText(where: Page | Locator, text: string | RegExp): Promise<void> {
  try {
    await expect.poll(async () => where.getByText(text).first().isVisible(), { timeout: 10_000 }).toBe(true);
  } catch {
    expect.fail(`${String(text)} is not shown; the page reads:\n${await shownText(where)}`);
  }
}

/** The page's one h1, once it reads `text`. */
export async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await expect
    .poll(async () => (await page.locator('h1').allTextContents()).join(' | '), { timeout: 10_000 })
    .toMatch(text)
    .catch(async () => expect.fail(`no h1 ${String(text)}; the page reads:\n${await shownText(page)}`));
}

/** The text a person sees, line by line, for a failure message. */
async function shownText(where: Page | Locator): Promise<string> {
  const root = where.locator('body').or(where.locator(':scope')).first();
  return root.innerText().catch(() => '');
}

/** Signs in at /desk as the first owner, and lands in the inbox. */
export async function signInAsOwner(site: BrowserSite, page: Page): Promise<void> {
  const owner = await firstOwner(site);
  await page.goto('/desk');
  await expectHeading(page, 'Sign in to the back office');
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, 'Inbox');
}

/** From the inbox, filtered to a shop, opens the case named `reference`; checks both pages' accessibility. */
export async function openFromInbox(page: Page, shopId: string, reference: string): Promise<void> {
  await page.goto(`/desk/inbox?shop=${shopId}`);
  await expectHeading(page, 'Inbox');
  const link = page.getByRole('link', { name: reference, exact: true });
  await expect.poll(() => link.isVisible(), { timeout: 10_000 }).toBe(true);
  await expectAccessible(page);
  await screenshot(page, 'desk-inbox');
  await link.click();
  await expectHeading(page, `Case ${reference}`);
  await expectText(page, 'Because');
  await expectAccessible(page);
  await screenshot(page, 'desk-case');
}

/**
 * Opens an action's dialog, checks what it says `before` it is filled, fills
 * it, checks the state it will move to and what it `says`, confirms, and
 * waits for the case to show the state it moved to.
 */
export async function takeAction(
  page: Page,
  button: string,
  {
    before = [],
    says = [],
    fill,
    movesTo,
  }: {
    before?: string[];
    says?: (string | RegExp)[];
    fill?: (dialog: Locator) => Promise<void>;
    movesTo: string;
  },
): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  for (const text of before) await expectText(dialog, text);
  await fill?.(dialog);
  await expectText(dialog, `→ ${movesTo}`);
  for (const text of says) await expectText(dialog, text);
  await expectAccessible(page, `the ${button} dialog`);
  await dialog.getByRole('button', { name: /^Confirm/ }).click();
  await expectText(page, `The case is now ${movesTo}.`);
  await expect.poll(() => dialog.count()).toBe(0);
}

/** The ledger as staff read it through the API. */
export async function ledgerOf(site: BrowserSite, caseId: string) {
  const res = await site.staff({ url: `/api/v1/cases/${caseId}/ledger` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    refundedCents: number;
    leftToRefundCents: number;
    entries: { kind: string; amountCents: number; reference: string | null; method: string | null }[];
  };
}

/**
 * The return leg in the back office, an hour or two apart (a session lasts 12
 * hours): authorize (writing the address and ship-by date where the policy
 * gives none), mark received, inspect as the customer described the goods.
 */
export async function returnLeg(
  site: BrowserSite,
  page: Page,
  j: Journey,
  shop: { name: string; timeZone: string },
): Promise<void> {
  const reference = j.case.reference as string;
  const shipBy = (j.case.deadlines as { shipBy: string | null }).shipBy;
  j.wait(2);
  await takeAction(page, 'Authorize the return', {
    movesTo: 'awaiting return',
    says: [`${shop.name}: your return is authorized, with its authorization number (${reference})`],
    fill: async (dialog) => {
      const address = dialog.getByLabel('Return address');
      if ((await address.inputValue()) === '') await address.fill(`${shop.name} returns, 1 Demo Street`);
      if (!shipBy) {
        const in14Days = new Date(Date.parse(j.demo.now) + 14 * 86_400_000).toISOString();
        await dialog.getByLabel('Ship back by (the shop’s date)').fill(localDateOf(in14Days, shop.timeZone));
      }
    },
  });
  const authorized = (await site.staff({ url: `/api/v1/cases/${j.case.id}` })).json();
  await expectText(page, authorized.authorizationNumber);
  await expectText(page, shownInstant(authorized.deadlines.shipBy, shop.timeZone));
  j.wait(2);
  await takeAction(page, 'Mark received', {
    movesTo: 'received',
    says: [`${shop.name}: we received your return (${reference})`],
  });
  j.wait(1);
  await takeAction(page, 'Inspect', { movesTo: 'inspected', says: ['it can only shrink'] });
  j.case = (await site.staff({ url: `/api/v1/cases/${j.case.id}` })).json();
}

/** Gives store credit in the dialog; answers the gift card's code the page shows. */
export async function giveStoreCredit(page: Page, shop: { name: string }, reference: string, amount: string) {
  await page.getByRole('button', { name: 'Give store credit', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expectText(dialog, `${shop.name}: your store credit of ${amount} (${reference}), with the gift card’s code`);
  await expectText(dialog, `${amount} as a gift card with a new code, to spend at ${shop.name}`);
  await expectAccessible(page, 'the store-credit dialog');
  await screenshot(page, 'desk-store-credit-dialog');
  await dialog.getByRole('button', { name: /^Confirm/ }).click();
  const note = page.getByText(`Store credit of ${amount} issued as gift card `);
  await expect.poll(() => note.isVisible(), { timeout: 10_000 }).toBe(true);
  const code = (await note.textContent())?.match(/gift card (\S+)\.$/)?.[1] ?? '';
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  return code;
}
