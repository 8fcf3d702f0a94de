import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { DemoOrder } from '../../src/demo/generate-demo-orders.ts';
import type { Request } from '../../src/domain/contract/case.schema.ts';
import { loadBundledPolicies } from '../../src/policies/load-policy-file.ts';
import type { BrowserSite } from './browser-site.ts';

const policies = loadBundledPolicies();

/** The shop imports the demo's order as it was placed; the clock then stands at the moment the customer asks. */
export async function importDemoOrder(site: BrowserSite, demo: DemoOrder): Promise<void> {
  site.setNow(demo.order.placedAt);
  const res = await site.staff({
    method: 'POST',
    url: `/api/v1/shops/${demo.shop}/orders`,
    payload: { order: demo.order, customer: demo.customer },
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  site.setNow(demo.now);
}

/** The customer finds their order on the shop's page by its number and email, and lands on the order page. */
export async function findOrder(page: Page, demo: DemoOrder): Promise<void> {
  await page.goto(`/shop/${demo.shop}`);
  await page.locator('#order-number').fill(demo.order.number);
  await page.locator('#order-email').fill(demo.customer.email);
  await page.getByRole('button', { name: 'Find my order' }).click();
  // Five calls in a row (look-up, the customer's orders, the order, its options, the page's code): on a loaded
  // machine with the embedded database that has taken longer than a poll's usual wait.
  await expect
    .poll(() => page.locator('h1').textContent(), {
      timeout: 60_000,
      message: 'the order page after the look-up',
    })
    .toBe(`Order ${demo.order.number}`);
}

/** A date as the en-GB reader sees it ("6 June 2026"), in the shop's zone. */
export const readerDate = (iso: string, zone: string): string =>
  DateTime.fromISO(iso, { setZone: true }).setZone(zone).setLocale('en-GB').toFormat('d MMMM yyyy');

/** The customer fills the request form as the demo's request says: items, reason, the goods' condition. */
export async function fillRequest(page: Page, request: Request, allLines: string[]): Promise<void> {
  const wanted = request.lines.length > 0 ? request.lines : allLines;
  for (const id of allLines) {
    const box = page.locator(`#line-${id}`);
    if ((await box.isChecked()) !== wanted.includes(id)) await box.click();
  }
  if (request.reason) await page.getByLabel('Reason').selectOption(request.reason);
  // The questions the policy asks: as the demo states the goods, else as a customer with an unworn piece would.
  const good: Record<string, boolean> = {
    used: false,
    worn: false,
    damagedByCustomer: false,
    originalPackaging: true,
    tagsAttached: true,
  };
  for (const [fact, fallback] of Object.entries(good)) {
    const answer = (request.condition as Record<string, boolean> | undefined)?.[fact] ?? fallback;
    const radio = page.locator(`#${fact}-${answer}`);
    if ((await radio.count()) > 0) await radio.check();
  }
}

/** The case as staff see it. */
export async function staffCase(site: BrowserSite, caseId: string) {
  const res = await site.staff({ url: `/api/v1/cases/${caseId}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A care agent's step on the case at its current revision, through the API. */
export async function staffAct(site: BrowserSite, caseId: string, action: string, payload: object = {}) {
  const { revision } = await staffCase(site, caseId);
  const res = await site.staff({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/actions/${action}`,
    payload: { revision, ...payload },
  });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

/** Staff authorize the return, with a return address where the policy gives none and a ship-by date where it sets none. */
export async function authorizeReturn(site: BrowserSite, caseId: string) {
  const c = await staffCase(site, caseId);
  const contact = policies.get(c.shop)?.profile.contact.address;
  return staffAct(site, caseId, 'authorize', {
    ...(contact ? {} : { returnAddress: `${c.shop} returns, 1 Demo Street` }),
    ...(c.deadlines.shipBy ? {} : { shipBy: hoursAfter(site.ctx.now().toISOString(), 14 * 24) }),
  });
}

/** The cases of an order, as staff see them. */
export async function casesOfOrder(site: BrowserSite, demo: DemoOrder): Promise<{ id: string; state: string }[]> {
  const res = await site.staff({ url: `/api/v1/shops/${demo.shop}/orders/${encodeURIComponent(demo.order.number)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().cases;
}

const HOUR = 3_600_000;
/** An instant some hours after another. */
export const hoursAfter = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * HOUR).toISOString();

/** The text of the page's main region. */
export async function mainText(page: Page): Promise<string> {
  // A heading can be on the page before the data under it ("Your orders", then "Loading…"): read once nothing is loading.
  await page.waitForFunction(() => !document.querySelector('main .loading'));
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/**
 * The customer asks through the portal: from the order page to the request
 * form, filled as the demo's request; the preview read; then sent. Answers the
 * preview as the page showed it and the case opened.
 */
export async function requestThroughPortal(
  page: Page,
  site: BrowserSite,
  demo: DemoOrder,
  options: { beforeSend?: (preview: string) => Promise<void> | void; resolution?: string } = {},
): Promise<{ preview: string; caseId: string }> {
  const link = page.getByRole('link', { name: actionOf(demo.request.type) });
  await link.click();
  await expect.poll(() => page.locator('h1').textContent()).toContain(actionOf(demo.request.type));
  await fillRequest(
    page,
    demo.request,
    demo.order.lines.map((l) => l.id),
  );
  if (options.resolution) await page.locator(`#resolution-${options.resolution}`).check();
  await page.getByRole('button', { name: 'See what I will get' }).click();
  await expect.poll(() => mainText(page)).toMatch(/The shop’s policy|The care team will review/);
  const preview = await mainText(page);
  await options.beforeSend?.(preview);
  await page.getByRole('button', { name: 'Send my request' }).click();
  await page.waitForURL(/\/cases\//);
  const cases = await casesOfOrder(site, demo);
  expect(cases).toHaveLength(1);
  return { preview, caseId: cases[0]?.id ?? '' };
}

const ACTIONS: Record<string, string> = {
  return: 'Return an item',
  exchange: 'Exchange an item',
  warranty: 'Make a warranty claim',
  cancel: 'Cancel the order',
  report_problem: 'Report a problem',
};
const actionOf = (type: string) => ACTIONS[type] ?? type;

/** The customer sends the parcel back from the case page, with its tracking number. */
export async function shipReturnOnPage(page: Page, trackingNumber: string): Promise<void> {
  await page.reload();
  await expect.poll(() => mainText(page)).toContain('How to send it back');
  await page.locator('#tracking').fill(trackingNumber);
  await page.getByRole('button', { name: 'I have sent it' }).click();
  await expect.poll(() => mainText(page)).toContain('Status: Your parcel is on its way back');
}

/** The shop receives and inspects the parcel (as the customer described it), then gives store credit: the code. */
export async function receiveAndCredit(site: BrowserSite, demo: DemoOrder, caseId: string, key: string) {
  site.setNow(hoursAfter(site.ctx.now().toISOString(), 72));
  await staffAct(site, caseId, 'receive');
  const lines = demo.request.lines.length > 0 ? demo.request.lines : demo.order.lines.map((l) => l.id);
  await staffAct(site, caseId, 'inspect', {
    findings: lines.map((id) => ({ id, condition: demo.request.condition ?? {} })),
  });
  const { money } = await staffCase(site, caseId);
  const issued = await site.staff({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/store-credit`,
    headers: { 'idempotency-key': key },
    payload: { amountCents: money.refundableCents },
  });
  expect(issued.statusCode, issued.body).toBe(201);
  await staffAct(site, caseId, 'resolve', { resolution: 'store_credit' });
  return { code: issued.json().giftCard.code as string, amountCents: money.refundableCents as number };
}

/** Money as the en-GB reader sees it. */
export const readerMoney = (cents: number, currency: string): string =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
