import { describe, expect, it } from 'vitest';
import { loadBundledPolicies } from '../../src/policies/load-policy-file.ts';
import { demoDecidedBy } from '../e2e/journey.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';
import {
  authorizeReturn,
  findOrder,
  hoursAfter,
  importDemoOrder,
  mainText,
  readerDate,
  readerMoney,
  receiveAndCredit,
  requestThroughPortal,
  shipReturnOnPage,
} from './portal-journey.ts';

const site = await browserSite();
const ZONE = loadBundledPolicies().get('theor')?.profile.timeZone ?? '';

describe(`The Or’s customer portal in Chromium, on ${site.database.kind}`, () => {
  it('returns a ring within 14 days for store credit: the page shows the gift-card code, never a refund', {
    timeout: 90_000,
  }, async () => {
    // "we accept all unused and undamaged items within 14 days … for store credit only"
    const demo = demoDecidedBy('theor', 'store-credit-within-14-days');
    // A USPS label as The Or's parcels carry: the order page links to USPS's tracking page.
    demo.order.carrier = { name: 'USPS', trackingNumber: '9400111202555842332669' };
    await importDemoOrder(site, demo);
    const page = await site.newPage();
    await findOrder(page, demo);
    const ring = demo.order.lines.find((l) => l.id === demo.request.lines[0]);
    const closes = readerDate(hoursAfter(demo.order.deliveredAt ?? '', 14 * 24), ZONE);
    await expect.poll(() => mainText(page)).toContain(`Returns for ${ring?.title} close on ${closes}.`);
    const order = await mainText(page);
    expect(order).toContain('On offer: store credit (a gift card).');
    expect(order).toContain('Parcel with USPS, tracking number 9400111202555842332669');
    expect(await page.getByRole('link', { name: 'Track the parcel' }).getAttribute('href')).toBe(
      'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111202555842332669',
    );
    await expectAccessible(page);
    await screenshot(page, 'portal-order-theor');

    const { preview, caseId } = await requestThroughPortal(page, site, demo, {
      beforeSend: async (text) => {
        await expectAccessible(page);
        await screenshot(page, 'portal-request-theor');
        expect(text).toContain('What you can get store credit (a gift card)');
        // The shop's sentence says "a refund is not guaranteed"; what is on offer never names one.
        expect(await page.locator('.portal-summary').innerText()).not.toContain('refund');
        expect(text).toContain('Return shipping Paid by you');
      },
    });
    expect(preview).toContain('within 14 days');
    await expect.poll(() => mainText(page)).toContain('Status: Approved');
    await expectAccessible(page);

    site.setNow(hoursAfter(demo.now, 3));
    await authorizeReturn(site, caseId);
    await shipReturnOnPage(page, '9400111899223380021999');
    const { code, amountCents } = await receiveAndCredit(site, demo, caseId, 'portal-theor-credit');
    await page.reload();
    await expect.poll(() => mainText(page)).toContain('Your gift card code:');
    const resolved = await mainText(page);
    expect(resolved).toContain(`Store credit of ${readerMoney(amountCents, 'USD')} on a gift card.`);
    expect(await page.locator('.portal-code').textContent()).toBe(code);
    expect(resolved).not.toContain('A refund of');
    expect(resolved).toContain('Status: Resolved');
    await expectAccessible(page);
    await screenshot(page, 'portal-case-theor-gift-card');
  });
});
