import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../../policies/load-policy-file.ts';
import { escapeHtml } from './escape-html.ts';
import { type Policy, type PolicyInput, PolicySchema } from './policy.schema.ts';
import { renderPolicy } from './render-policy.ts';

const aulso = loadPolicyFile(`${BUNDLED_POLICIES_DIR}/aulso.yaml`);

/** A small shop with what Aulso lacks: a marked setting, times, an unsectioned clause, markup in its words. */
const sample: Policy = PolicySchema.parse({
  loupe: 1,
  id: 'sample',
  version: '1',
  name: 'Sample & Co <Jewels>',
  profile: {
    country: 'US',
    timeZone: 'America/New_York',
    currency: 'USD',
    businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
    holidays: { country: 'US' },
    contact: { email: 'care@sample.test', url: 'javascript:alert(1)' },
    processing: [{ id: 'made', quote: 'Made to order in 2-3 weeks.', min: 2, max: 3, unit: 'weeks' }],
    delivery: [{ id: 'us', quote: 'US delivery takes 3-5 business days.', min: 3, max: 5, unit: 'business_days' }],
  },
  settings: { 'restocking-fee': { value: 10, note: "the page says only 'a small restocking fee'" } },
  clauses: [
    {
      id: 'fee',
      section: 'Returns',
      quote: 'A small restocking fee will apply.',
      when: { request: ['return'] },
      then: { restockingFee: { setting: 'restocking-fee' } },
    },
    {
      id: 'window',
      section: 'Returns',
      quote: ['Return within 14 days <script>alert("x")</script>.', 'Store credit only.'],
      summary: 'Returns get store credit.',
      when: { request: ['return'], within: { from: 'delivery', days: 14 } },
      then: { outcome: 'approved', resolutions: ['store_credit'], returnRequired: true, returnShipping: 'customer' },
    },
    { id: 'loose', quote: 'We love our customers.' },
  ],
  fallback: { id: 'contact', quote: 'Write to us.' },
} satisfies PolicyInput);

/** Every sentence of the shop the policy carries, wherever it sits. */
function allQuotes(policy: Policy): string[] {
  return [
    ...policy.clauses.flatMap((c) => (typeof c.quote === 'string' ? [c.quote] : c.quote)),
    ...[policy.responseTime, policy.resolutionTime, policy.fallback].flatMap((t) => (t ? [t.quote] : [])),
    ...[...policy.profile.processing, ...policy.profile.delivery].map((t) => t.quote),
    ...(policy.profile.shipDays?.quote ? [policy.profile.shipDays.quote] : []),
  ];
}

const h2s = (html: string) =>
  [...html.matchAll(/<h2[^>]*>(.*?)<\/h2>/g)].map((m) =>
    (m[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
  );
const mdH2s = (md: string) => [...md.matchAll(/^## (.*)$/gm)].map((m) => (m[1] ?? '').replaceAll('\\<', '<'));

describe('renderPolicy', () => {
  it.each([['aulso', aulso] as const, ['sample', sample] as const])('shows every quote of %s verbatim', (_, policy) => {
    const md = renderPolicy(policy, 'md');
    const html = renderPolicy(policy, 'html');
    const quotes = allQuotes(policy);
    expect(quotes.length).toBeGreaterThan(3);
    for (const quote of quotes) {
      expect(md).toContain(quote.replaceAll('<', '\\<'));
      expect(html).toContain(escapeHtml(quote));
    }
  });

  it('carries the same sections in Markdown and HTML, in the order clauses first name them', () => {
    for (const policy of [aulso, sample]) {
      const sections = h2s(renderPolicy(policy, 'html'));
      expect(sections).toEqual(mdH2s(renderPolicy(policy, 'md')));
      const clauseSections = [...new Set(policy.clauses.map((c) => c.section ?? 'Other'))];
      expect(sections.slice(0, clauseSections.length)).toEqual(clauseSections);
    }
    expect(h2s(renderPolicy(sample, 'html'))).toEqual([
      'Returns',
      'Other',
      'Processing and delivery',
      'Shop settings',
      'Contact',
    ]);
  });

  it('escapes the shop text in HTML, so a quote cannot inject a script', () => {
    const html = renderPolicy(sample, 'html');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<title>Sample &amp; Co &lt;Jewels&gt; after-sales policy</title>');
    expect(html).not.toContain('href="javascript:');
    expect(renderPolicy(sample, 'md')).not.toMatch(/(^|[^\\])<script>/);
  });

  it('is a standalone, accessible page: language, viewport, one h1, no external assets', () => {
    const html = renderPolicy(aulso, 'html');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('name="viewport"');
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(link|script|img)\b|src=|url\(/);
  });

  it('says in plain words what a deciding clause does, from its data', () => {
    const md = renderPolicy(aulso, 'md');
    expect(md).toContain(
      'Returns and exchanges, when the reason is change of mind, within 72 hours of delivery: full refund or exchange; you send the item back; we pay return shipping',
    );
    expect(md).toContain('Returns, exchanges and problem reports, paid by cash on delivery: not accepted');
    expect(md).toContain('We answer requests within 2 business days');
  });

  it('shows a marked shop setting as a setting, with the page’s own words beside it', () => {
    const md = renderPolicy(sample, 'md');
    expect(md).toContain("**Shop setting:** 10% restocking fee — the page says only 'a small restocking fee'");
    expect(md).toContain('Returns: 10% restocking fee (shop setting)');
    expect(md).toContain('Processing: 2–3 weeks');
    expect(md).toContain('Delivery: 3–5 business days');
    expect(md).toContain('[care@sample.test](<mailto:care@sample.test>)');
  });
});
