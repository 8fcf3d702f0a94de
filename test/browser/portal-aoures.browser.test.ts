import { describe, expect, it } from 'vitest';
import { demoDecidedBy } from '../e2e/journey.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';
import {
  authorizeReturn,
  findOrder,
  hoursAfter,
  importDemoOrder,
  mainText,
  readerMoney,
  receiveAndCredit,
  requestThroughPortal,
  shipReturnOnPage,
  staffAct,
} from './portal-journey.ts';

const site = await browserSite();

describe(`Aoures’ customer portal in Chromium, on ${site.database.kind}`, () => {
  it('sends a made-to-order return to the care team for review; once approved, the credit shows on the case', {
    timeout: 90_000,
  }, async () => {
    // "We typically don't accept returns for Custom Made-to-Order items … we are happy to assist with any situation."
    const demo = demoDecidedBy('aoures', 'made-to-order-or-international', (d) =>
      d.order.lines.every((l) => l.fulfillment === 'made_to_order'),
    );
    await importDemoOrder(site, demo);
    const page = await site.newPage();
    await findOrder(page, demo);
    await expect.poll(() => mainText(page)).toContain('Return an item');
    await expect.poll(() => mainText(page)).toContain('The care team will look at this request.');
    await expectAccessible(page);
    await screenshot(page, 'portal-order-aoures');

    const { preview, caseId } = await requestThroughPortal(page, site, demo);
    expect(preview).toContain('The care team will review this request');
    expect(preview).toContain('Custom Made-to-Order');
    await expect.poll(() => mainText(page)).toContain('Status: With the care team for review');
    await expectAccessible(page);
    await screenshot(page, 'portal-case-aoures-review');

    // The care team approves it, in words the customer reads on the case.
    site.setNow(hoursAfter(demo.now, 5));
    await staffAct(site, caseId, 'review', {
      outcome: 'approved',
      reason: 'Unworn, sized wrong by us on the order form: taking it back',
    });
    await page.reload();
    await expect.poll(() => mainText(page)).toContain('Status: Approved');
    await authorizeReturn(site, caseId);
    await shipReturnOnPage(page, '9400111899223380021111');
    const { code, amountCents } = await receiveAndCredit(site, demo, caseId, 'portal-aoures-credit');
    await page.reload();
    await expect.poll(() => mainText(page)).toContain(`Store credit of ${readerMoney(amountCents, 'USD')}`);
    expect(await page.locator('.portal-code').textContent()).toBe(code);
    await expectAccessible(page);
    await screenshot(page, 'portal-case-aoures-resolved');
  });
});
