import { describe, expect, it } from 'vitest';
import { loadBundledPolicies } from '../../src/policies/load-policy-file.ts';
import { demoDecidedBy } from '../e2e/journey.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';
import { casesOfOrder, findOrder, importDemoOrder, mainText, readerDate } from './portal-journey.ts';

const site = await browserSite();
const ZONE = loadBundledPolicies().get('atelier')?.profile.timeZone ?? '';

describe(`Atelier’s customer portal in Chromium, on ${site.database.kind}`, () => {
  it('shows an order in production that can no longer be cancelled, in the shop’s words, and opens no case', {
    timeout: 60_000,
  }, async () => {
    // "Once the order starts production or has been shipped, we will not support refunds."
    const demo = demoDecidedBy('atelier', 'cancel-after-one-day', (d) => d.request.type === 'cancel');
    await importDemoOrder(site, demo);
    const page = await site.newPage({ phone: true });
    await findOrder(page, demo);
    await expect.poll(() => mainText(page)).toContain('Not possible now');
    const order = await mainText(page);
    expect(order).toContain(`In production · ${readerDate(demo.order.productionStartedAt ?? '', ZONE)}`);
    expect(order).toContain('made to order');
    expect(order).toMatch(/Not possible now Cancel the order .*Once the order starts production/);
    expect(await page.getByRole('link', { name: 'Cancel the order' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'portal-order-atelier-in-production');

    // Asked anyway (an old link): closed, the sentence quoted, nothing to send.
    await page.goto(`/shop/atelier/orders/${demo.order.number}/request?type=cancel`);
    await expect.poll(() => mainText(page)).toContain('Cancellations are closed for this order');
    await expect.poll(() => mainText(page)).toContain('Once the order starts production');
    await page.getByRole('button', { name: 'See what I will get' }).click();
    await expect.poll(() => mainText(page)).toContain('The shop’s policy does not allow this request');
    expect(await page.getByRole('button', { name: 'Send my request' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'portal-request-atelier-cancel-closed');
    expect(await casesOfOrder(site, demo)).toEqual([]);
  });
});
