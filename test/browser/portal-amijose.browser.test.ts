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
} from './portal-journey.ts';

const site = await browserSite();

describe(`Amijose’s customer portal in Chromium, on ${site.database.kind}`, () => {
  it('takes a personalised necklace back for an exchange or store credit only, and shows the credit in pounds', {
    timeout: 90_000,
  }, async () => {
    // "personalized jewelry pieces are made especially for you; therefore, after 2 hours, they can either be
    //  returned for exchange or store credit."
    const demo = demoDecidedBy('amijose', 'personalised-store-credit');
    await importDemoOrder(site, demo);
    const page = await site.newPage({ phone: true });
    await findOrder(page, demo);
    await expect.poll(() => mainText(page)).toContain('Return an item');
    const order = await mainText(page);
    expect(order).toContain('personalised');
    // The return on offer is store credit; a refund only for a faulty piece (the warranty).
    const returnCard = await page.locator('li.card', { hasText: 'Returns for' }).innerText();
    expect(returnCard).toContain('On offer: store credit (a gift card).');
    expect(returnCard).not.toMatch(/refund(?!ed)/);
    await expectAccessible(page);
    await screenshot(page, 'portal-order-amijose');

    const { caseId } = await requestThroughPortal(page, site, demo, {
      beforeSend: async (text) => {
        expect(text).not.toContain('a refund');
        expect(text).toMatch(/What you can get (an exchange or store credit|store credit \(a gift card\))/);
        expect(text).toContain('returned for exchange or store credit');
        expect(await page.locator('#resolution-refund').count()).toBe(0);
        await expectAccessible(page);
        await screenshot(page, 'portal-request-amijose');
      },
    });
    await expect.poll(() => mainText(page)).toContain('Status: Approved');

    site.setNow(hoursAfter(demo.now, 3));
    await authorizeReturn(site, caseId);
    await shipReturnOnPage(page, 'RR123456785GB');
    const { code, amountCents } = await receiveAndCredit(site, demo, caseId, 'portal-amijose-credit');
    await page.reload();
    await expect.poll(() => mainText(page)).toContain(`Store credit of ${readerMoney(amountCents, 'GBP')}`);
    expect(readerMoney(amountCents, 'GBP')).toMatch(/^£/);
    expect(await page.locator('.portal-code').textContent()).toBe(code);
    expect(await mainText(page)).not.toContain('A refund of');
    await expectAccessible(page);
    await screenshot(page, 'portal-case-amijose');
  });
});
