import { describe, expect, it } from 'vitest';
import { readWorkedScenarios } from '../../src/demo/read-worked-scenarios.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { loadBundledPolicies } from '../../src/policies/load-policy-file.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';
import { expectHeading, signInAsOwner } from './desk-pages.ts';

// The demo `npm start` seeds, seen as a care agent and a customer would see it
// (and the README's screenshots, with LOUPE_SCREENSHOTS=docs/screenshots).
const site = await browserSite();
site.setNow('2026-06-15T09:00:00Z');
const policies = loadBundledPolicies();
const demo = await seedDemo(site.ctx, {
  reference: site.ctx.now(),
  policies: policies.values(),
  worked: readWorkedScenarios(policies.keys()),
});

type InboxItem = { id: string; reference: string; state: string; orderNumber: string | null; overdue: boolean };
async function inboxOf(shopId: string): Promise<InboxItem[]> {
  const res = await site.staff({ method: 'GET', url: `/api/v1/shops/${shopId}/inbox` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as InboxItem[] | { items: InboxItem[] };
  return Array.isArray(body) ? body : body.items;
}

describe(`the demo, seen in Chromium, on ${site.database.kind}`, () => {
  it('shows the care team every shop’s open demo cases, ordered by what is due, overdue ones flagged', {
    timeout: 120_000,
  }, async () => {
    const open = (await Promise.all([...policies.keys()].map(inboxOf))).flat();
    expect(open.length).toBe(demo.cases);
    const page = await site.newPage();
    await signInAsOwner(site, page);
    await expect.poll(() => page.locator('main tbody tr').count(), { timeout: 15_000 }).toBe(open.length);
    for (const c of open.slice(0, 5)) expect(await page.locator('main').innerText()).toContain(c.reference);
    const overdue = open.filter((c) => c.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    expect(await page.locator('main .badge.overdue').count()).toBe(overdue);
    await expectAccessible(page, 'the demo inbox');
    await screenshot(page, 'tour-desk-inbox');

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expectHeading(page, 'Dashboard');
    await page.getByLabel('Shop').selectOption({ label: 'Aulso' });
    await page.getByLabel('Period').selectOption({ label: 'Last year' });
    const aulso = (await inboxOf('aulso')).length;
    const opened = async () =>
      Number(/Aulso: (\d+) cases? opened in the last 365 days/.exec(await page.locator('main').innerText())?.[1] ?? 0);
    // Every open case was opened within the year, and some the demo closed may count too.
    await expect.poll(opened, { timeout: 15_000 }).toBeGreaterThanOrEqual(aulso);
    await expectAccessible(page, 'the demo dashboard');
    await screenshot(page, 'tour-desk-dashboard');
  });

  it('shows a demo customer their order and their return waiting to be sent back', { timeout: 120_000 }, async () => {
    const waiting = (await inboxOf('aulso')).find((c) => c.state === 'awaiting_return' && c.orderNumber);
    if (!waiting?.orderNumber) throw new Error('the demo has no Aulso return awaiting its parcel');
    const order = await site.staff({ method: 'GET', url: `/api/v1/shops/aulso/orders/${waiting.orderNumber}` });
    const { customer } = order.json() as { customer: { email: string } };
    const page = await site.newPage({ phone: true });
    await page.goto('/shop/aulso');
    await page.locator('#order-number').fill(waiting.orderNumber);
    await page.locator('#order-email').fill(customer.email);
    await page.getByRole('button', { name: 'Find my order' }).click();
    await expectHeading(page, `Order ${waiting.orderNumber}`);
    await expect.poll(() => page.locator('main').innerText()).toContain(waiting.reference);
    await expectAccessible(page, 'a demo order page');
    await screenshot(page, 'tour-portal-order');
    await page.getByRole('link', { name: new RegExp(waiting.reference) }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain(waiting.reference);
    await expect.poll(() => page.locator('main').innerText()).toContain('Ship it back by');
    await expectAccessible(page, 'a demo case page');
    await screenshot(page, 'tour-portal-case');
  });
});
