import { describe, expect, it } from 'vitest';
import { browserSite, expectAccessible } from './browser-site.ts';

const site = await browserSite();

describe(`the web app in Chromium, on ${site.database.kind}`, () => {
  it('shows a shop’s portal under its name, and an unknown shop as such', { timeout: 30_000 }, async () => {
    const page = await site.newPage({ phone: true });
    await page.goto('/shop/aulso');
    await expect.poll(() => page.locator('.shop-name').textContent()).toBe('Aulso');
    await expectAccessible(page);
    await page.goto('/shop/nowhere');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Shop not found');
  });
});
