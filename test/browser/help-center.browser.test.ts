import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../../src/policies/load-policy-file.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';

const site = await browserSite();

/** What each seed shop's help center must show: a search that finds a sentence of its own page, and an order question. */
const SHOPS = [
  {
    id: 'aoures',
    name: 'Aoures',
    search: 'restocking fee',
    finds: 'Is there a restocking fee?',
    quote:
      'Please note, a small restocking fee will apply for approved items and original shipping fees are non-refundable.',
    orderQuestion: 'when-will-my-order-arrive',
    next: 'delivery',
  },
  {
    id: 'atelier',
    name: 'Atelier',
    search: 'customs import taxes',
    finds: 'Will I have to pay customs duties or import taxes?',
    quote: 'Buyers are responsible for any customs and import taxes that may apply.',
    orderQuestion: 'problem-after-delivery',
    next: 'report_problem',
  },
  {
    id: 'aulso',
    name: 'Aulso',
    search: 'changed my mind',
    finds: 'I changed my mind. Can I return it?',
    quote: 'you may return eligible items within 72 hours of receiving them',
    orderQuestion: 'return-window',
    next: 'return',
  },
  {
    id: 'amijose',
    name: 'Amijose',
    search: '60 days returns',
    finds: 'Can I return this?',
    quote: 'new, unworn items can be returned to Amijose within 60 days of delivery',
    orderQuestion: 'can-i-return-this',
    next: 'return',
  },
  {
    id: 'theor',
    name: 'The Or',
    search: 'not responsible for transit loss',
    finds: 'What happens if my package becomes lost or damaged?',
    quote: 'We are not responsible for items that are lost or damaged while in transit.',
    orderQuestion: 'can-i-return-this',
    next: 'return',
  },
] as const;

const rgb = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
};
const h1 = (page: Page) => page.locator('h1').textContent();
// These run in the page, where the browser's globals are (this file is type-checked without the DOM library).
type InPage = {
  getComputedStyle(el: unknown): { getPropertyValue(property: string): string };
  document: { documentElement: { scrollWidth: number } };
};
const cssOf = (locator: Locator, property: string) =>
  locator.evaluate((el, p) => (globalThis as unknown as InPage).getComputedStyle(el).getPropertyValue(p), property);
const pageWidth = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth);

describe(`the help center in Chromium, on ${site.database.kind}`, () => {
  it.each(SHOPS)(
    '$name: its name and colours, a search finding its own words, the answer leading to the order look-up',
    { timeout: 150_000 },
    async (shop) => {
      const brand = loadPolicyFile(`${BUNDLED_POLICIES_DIR}/${shop.id}.yaml`).brand;
      if (!brand) throw new Error(`${shop.id} has no brand`);
      const page = await site.newPage();
      await page.goto(`/shop/${shop.id}/help`);
      await expect.poll(() => h1(page)).toBe(`How can ${shop.name} help?`);
      expect(await page.locator('.shop-name').textContent()).toBe(shop.name);
      const header = page.locator('.shop-header');
      expect(await cssOf(header, 'background-color')).toBe(rgb(brand.color));
      expect(await cssOf(header.locator('.shop-name'), 'color')).toBe(rgb(brand.inkColor));
      await expectAccessible(page, `${shop.id} help home`);

      await page.getByLabel('What do you want to know?').fill(shop.search);
      await page.getByRole('button', { name: 'Search' }).click();
      // The question itself, not a policy section of the same name (The Or's sections are its questions).
      const answer = page
        .locator('.search-results li', { has: page.locator('.badge', { hasText: 'Question' }) })
        .getByRole('link', { name: shop.finds, exact: true });
      await expect.poll(() => answer.count()).toBe(1);
      expect(await page.locator('#search-count').textContent()).toMatch(/^\d+ results? for “/);
      expect(page.url()).toContain(`q=${encodeURIComponent(shop.search).replaceAll('%20', '+')}`);
      await expectAccessible(page, `${shop.id} search results`);
      if (shop.id === 'theor') await screenshot(page, 'help-search');

      await answer.click();
      await expect.poll(() => h1(page)).toBe(shop.finds);
      expect(await page.locator('main blockquote').first().textContent()).toContain(shop.quote);
      expect(await page.locator('main figcaption').first().textContent()).toBe(`${shop.name}’s own words`);
      await expectAccessible(page, `${shop.id} answer`);
      if (shop.id === 'theor') await screenshot(page, 'help-answer');

      await page.goto(`/shop/${shop.id}/help/faq/${shop.orderQuestion}`);
      const lookUp = page.locator('.order-look-up');
      await expect.poll(() => lookUp.textContent()).toContain('This depends on your order.');
      await lookUp.getByRole('link', { name: 'Find my order' }).click();
      await expect.poll(() => h1(page)).toBe('Find your order');
      const url = new URL(page.url());
      expect(url.pathname).toBe(`/shop/${shop.id}`);
      expect(url.searchParams.get('next')).toBe(shop.next);
      expect(url.searchParams.get('question')).toBeTruthy();
    },
  );

  it.each(SHOPS)(
    '$name: the questions by topic and the policy page, in its words',
    { timeout: 120_000 },
    async (shop) => {
      const page = await site.newPage();
      await page.goto(`/shop/${shop.id}/help/faq`);
      await expect.poll(() => h1(page)).toBe('Questions and answers');
      const topics = await page.locator('main section > h2').allTextContents();
      expect(topics.length).toBeGreaterThanOrEqual(3);
      expect(await page.locator(`main h3:has-text("${shop.finds}") + figure blockquote`).textContent()).toContain(
        shop.quote,
      );
      // Every answer about one order offers the look-up; the others do not.
      const entries = page.locator('article.faq-entry');
      const withLookUp = page.locator('article.faq-entry .order-look-up');
      expect(await withLookUp.count()).toBeGreaterThan(0);
      expect(await withLookUp.count()).toBeLessThan(await entries.count());
      await expectAccessible(page, `${shop.id} questions`);
      if (shop.id === 'theor') await screenshot(page, 'help-faq');

      await page.getByRole('navigation', { name: 'Help center' }).getByRole('link', { name: 'Policy' }).click();
      await expect.poll(() => h1(page)).toBe(`${shop.name} after-sales policy`);
      const quotes = await page.locator('main blockquote').allTextContents();
      expect(quotes.length).toBeGreaterThan(3);
      expect(await page.locator('main').textContent()).toContain('Policy version 2026-11-01.');
      await expectAccessible(page, `${shop.id} policy`);
      if (shop.id === 'theor') {
        expect(quotes.join(' ')).toContain(
          'We are not responsible for items that are lost or damaged while in transit.',
        );
        await screenshot(page, 'help-policy');
      }
    },
  );

  it.each(SHOPS)(
    '$name: the size guide at a phone’s width, tables scrolling sideways',
    { timeout: 120_000 },
    async (shop) => {
      const page = await site.newPage({ phone: true });
      await page.goto(`/shop/${shop.id}/help/size-guide`);
      await expect.poll(() => h1(page)).toBe('Size guide');
      expect(await page.locator('caption').allTextContents()).toEqual([
        'Ring sizes: US, UK and EU, with the inside diameter and circumference',
        'Necklace lengths, chokers first, and where each falls',
        'Earring sizes in millimetres: studs across the face, hoops across',
      ]);
      const ring7 = page
        .locator('#rings-table-caption')
        .locator('xpath=ancestor::table')
        .locator('tr', {
          has: page.locator('th', { hasText: /^7$/ }),
        });
      expect((await ring7.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['N½', '54', '17.3', '54.4']);
      const chokers = page.locator('section[aria-labelledby="necklaces"] tbody tr', {
        has: page.locator('.badge', { hasText: 'choker' }),
      });
      expect(await chokers.locator('th').allTextContents()).toEqual(['14″', '15″']);
      expect(await page.locator('section[aria-labelledby="earrings"] tbody th').first().textContent()).toBe('3 mm');
      // Marked as a setting, never as the shop's words; The Or's own sizing sentences are quoted.
      expect(await page.locator('.setting-note').count()).toBe(3);
      if (shop.id === 'theor')
        expect(await page.locator('#earrings ~ figure blockquote').textContent()).toBe(
          'Earrings - Are measured in millimeters. If it is a hoop earring the diameter will be specified.',
        );
      // The page itself does not scroll sideways at 360 px; the ring table does, inside its region.
      expect(await pageWidth(page)).toBeLessThanOrEqual(360);
      const scroller = page.locator('section.table-scroll').first();
      expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await expectAccessible(page, `${shop.id} size guide`);
      if (shop.id === 'theor') await screenshot(page, 'help-size-guide-phone');
    },
  );

  it('shows the help home at a phone’s width and an unknown question as such', { timeout: 120_000 }, async () => {
    const page = await site.newPage({ phone: true });
    await page.goto('/shop/theor/help');
    await expect.poll(() => h1(page)).toBe('How can The Or help?');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'theor help home, phone');
    await screenshot(page, 'help-home-phone');
    await page.goto('/shop/theor/help/faq/no-such-question');
    await expect.poll(() => h1(page)).toBe('Question not found');
    await page.goto('/shop/theor/help?q=xyzzyqq');
    await expect
      .poll(() => page.locator('#search-count').textContent())
      .toBe('Nothing found for “xyzzyqq”. Try fewer words, or ask the shop.');
  });
});
