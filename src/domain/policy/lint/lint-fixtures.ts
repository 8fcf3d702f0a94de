import { type LintFinding, lintPolicy } from '../lint-policy.ts';
import { type Policy, type PolicyInput, PolicySchema } from '../policy.schema.ts';

// Small policies for the linter's tests, on a page of their own.

/** A clause as written in a policy file. */
export type ClauseInput = PolicyInput['clauses'][number];

/** The shop's page the sample policies quote. */
export const PAGE = `Returns
You have 30 days from delivery to return an item.  Requests made after this period will not be accepted.
If you’ve changed your mind, you may return items within 72 hours; we’ll cover the return shipping.
The customer is responsible for return shipping costs.
Made-to-order pieces take 6 - 9 business days to craft.
Made to Order: about 2 - 3 weeks.
Write to us at care@sample.test.`;

/** Refuses returns after 30 days. */
export const window30: ClauseInput = {
  id: 'window-closed',
  quote: 'Requests made after this period will not be accepted.',
  when: { request: ['return'], after: { from: 'delivery', days: 30 } },
  then: { outcome: 'denied' },
};
/** Approves returns within 30 days. */
export const thirtyDays: ClauseInput = {
  id: 'thirty-day-return',
  quote: 'You have 30 days from delivery to return an item.',
  when: { request: ['return'], within: { from: 'delivery', days: 30 } },
  then: { outcome: 'approved', resolutions: ['refund'], returnRequired: true },
};
/** The customer pays to send returns back. */
export const customerPays: ClauseInput = {
  id: 'customer-pays',
  quote: 'The customer is responsible for return shipping costs.',
  when: { request: ['return'] },
  then: { returnShipping: 'customer' },
};
/** A change of mind within 72 hours: approved, the shop pays the return. */
export const changeOfMind72h: ClauseInput = {
  id: 'change-of-mind-72h',
  quote: 'If you’ve changed your mind, you may return items within 72 hours',
  when: { request: ['return'], reason: ['changed_mind'], within: { from: 'delivery', hours: 72 } },
  then: { outcome: 'approved', resolutions: ['refund'], returnShipping: 'shop' },
};
/** A change of mind after 72 hours: refused. */
export const changeOfMindLate: ClauseInput = {
  id: 'change-of-mind-late',
  quote: 'If you’ve changed your mind, you may return items within 72 hours',
  when: { request: ['return'], reason: ['changed_mind'], after: { from: 'delivery', hours: 72 } },
  then: { outcome: 'denied' },
};

/** A small valid policy; `over` replaces top-level fields, `profile` is merged. */
export function policyWith(over: Partial<PolicyInput> = {}, profile: Partial<PolicyInput['profile']> = {}): Policy {
  return PolicySchema.parse({
    loupe: 1,
    id: 'sample',
    version: '1',
    name: 'Sample',
    source: { file: 'sample.txt' },
    profile: {
      country: 'US',
      timeZone: 'America/New_York',
      currency: 'USD',
      businessDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      holidays: { country: 'US' },
      ...profile,
    },
    clauses: [window30, thirtyDays, customerPays],
    fallback: { id: 'contact', quote: 'Write to us at care@sample.test.' },
    ...over,
  });
}

/** Lints against the sample page. */
export const lint = (policy: Policy) => lintPolicy(policy, { sourceText: PAGE });
/** `level code clause` per finding, to compare lists at a glance. */
export const codes = (findings: LintFinding[]) => findings.map((f) => `${f.level} ${f.code} ${f.clause ?? ''}`.trim());
