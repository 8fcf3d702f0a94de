import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleOrder } from '../../src/integrations/shopify/test-fixtures.ts';
import { demoDecidedBy, Journey } from '../e2e/journey.ts';
import { browserSite, expectAccessible, screenshot } from './browser-site.ts';
import { expectHeading, expectText, signInAsOwner } from './desk-pages.ts';

const site = await browserSite();

// One Aulso case, opened as the customer would and resolved by the API: the policy, mailbox and dashboard read it.
const demo = demoDecidedBy('aulso', 'change-of-mind-72h');
const j = new Journey(site, demo);
const opened = await j.open();
const reference = opened.reference as string;

describe(`the back office's tools in Chromium, on ${site.database.kind}`, () => {
  it('edits Aulso’s policy: lint inline, open cases under the draft, then publishes', { timeout: 60_000 }, async () => {
    const page = await site.newPage();
    await signInAsOwner(site, page);
    await page.goto('/desk/policies');
    await page.getByRole('link', { name: 'Aulso' }).click();
    await expectHeading(page, 'Aulso’s policy');
    const editor = page.getByLabel('Draft (YAML)');
    await expect.poll(() => editor.inputValue()).toContain('version: "2026-11-01"');
    const yaml = await editor.inputValue();

    // An override of a clause that is not there: lint names the clause, the field and why; publishing stays shut.
    await editor.fill(yaml.replace('- clause: thirty-day-return', '- clause: no-such-clause'));
    await page.getByRole('button', { name: 'Check the draft' }).click();
    await expectText(page, 'clauses.9.overrides.0.clause');
    await expectText(page, /\(clause change-of-mind-72h\): overrides: no clause "no-such-clause"/);
    expect(await page.getByRole('button', { name: 'Publish this version' }).isDisabled()).toBe(true);
    await expectAccessible(page);

    // A window of 24 hours instead of 72: the open case, 72 hours after delivery, still comes back under the 30-day clause.
    const draft = yaml
      .replace('version: "2026-11-01"', 'version: "2026-12-01"')
      .replace('within: { from: delivery, hours: 72 }', 'within: { from: delivery, hours: 24 }');
    await editor.fill(draft);
    await page.getByRole('button', { name: 'Check the draft' }).click();
    await expectText(page, 'Lint of version 2026-12-01');
    const row = page.getByRole('row', { name: new RegExp(reference) });
    await expect
      .poll(() => row.textContent())
      .toBe(`${reference}decided approvedapproved, US$69.00approved, US$69.00 Same`);
    // The draft's page, as customers will read it, quoting the shop.
    const rendered = page.frameLocator('iframe.policy-rendered');
    await expect
      .poll(() =>
        rendered
          .getByText(/we’ll cover the return shipping/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'desk-policy');
    await page.getByRole('button', { name: 'Publish this version' }).click();
    await expectText(page, 'Published version 2026-12-01');
    const versions = (await site.staff({ url: '/api/v1/shops/aulso/policy-versions' })).json();
    expect(versions.map((v: { version: string }) => v.version)).toContain('2026-12-01');
  });

  it('imports a Shopify file with a progress bar, and names the bad row by its line', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'loupe-import-'));
    const file = path.join(dir, 'orders.jsonl');
    const good = sampleOrder({ name: '#7001', id: 7001 });
    writeFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify({ name: '#7002', line_items: 'none' })}\n`);
    const page = await site.newPage({ phone: true });
    await signInAsOwner(site, page);
    await page.goto('/desk/import');
    await expectHeading(page, 'Import orders');
    await page.getByLabel('Shop').selectOption('aulso');
    await page.getByLabel('Order file').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expectText(page, '2 read: 1 created, 0 updated, 1 not imported.');
    expect(await page.locator('progress').getAttribute('value')).toBe('1');
    const bad = page.getByRole('row', { name: /7002/ });
    await expect.poll(() => bad.locator('td').first().textContent()).toBe('2');
    await expectText(bad, 'line_items Invalid input: expected array, received string');
    await expectAccessible(page);
    await screenshot(page, 'desk-import');
    const imported = await site.staff({ url: '/api/v1/shops/aulso/orders/7001' });
    expect(imported.statusCode, imported.body).toBe(200);
  });

  it('reads the mail sent to the customer, and charts the shop’s cases with a text alternative', {
    timeout: 60_000,
  }, async () => {
    // The case goes back and is resolved through the API.
    await j.sendBackAndInspect();
    await j.act('resolve', { resolution: 'exchange' });
    const page = await site.newPage();
    await signInAsOwner(site, page);
    await page.goto('/desk/mailbox?shop=aulso');
    await expectHeading(page, 'Mailbox');
    const approved = page.getByText(`Aulso: your request is approved (${reference})`);
    await approved.click();
    const mail = page.locator('details[open]');
    await expectText(mail, /We pay the return shipping\./);
    await expectText(mail, 'Aulso <help@aulso.com>');
    await expectAccessible(page);
    await screenshot(page, 'desk-mailbox');

    const stats = (await site.staff({ url: '/api/v1/shops/aulso/stats?days=30' })).json();
    expect(stats).toMatchObject({ opened: 1, outcomes: [{ outcome: 'approved', count: 1 }] });
    expect(stats.reasons).toEqual([{ reason: 'changed_mind', count: 1 }]);
    expect(stats.resolution.resolved).toBe(1);
    expect(stats.resolution.medianHours).toBeGreaterThan(90);

    await page.goto('/desk/dashboard?shop=aulso&days=30');
    await expectHeading(page, 'Dashboard');
    await expectText(page, 'Aulso: 1 case opened in the last 30 days.');
    await expectText(page, 'Most often: changed mind (1 case).');
    await expectText(page, `1 case resolved; half within ${stats.resolution.medianHours} hours`);
    await expect.poll(() => page.locator('.recharts-surface').count()).toBe(4);
    await page.getByText('The figures as a table').nth(2).click();
    await expect.poll(() => page.getByRole('row', { name: 'approved 1' }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'desk-dashboard');
  });
});
