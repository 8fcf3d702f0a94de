import { normaliseText } from '../normalise-text.ts';
import type { Policy } from '../policy.schema.ts';
import type { LintFinding } from './lint-finding.ts';

/**
 * Every sentence the policy attributes to the shop is on the shop's page,
 * word for word (up to whitespace, quote marks and case): a decision quotes
 * them to customers as the shop's own words.
 */
export function checkQuotes(policy: Policy, sourceText: string): LintFinding[] {
  const source = normaliseText(sourceText);
  const findings: LintFinding[] = [];
  for (const { quote, path, clause } of quotesOf(policy)) {
    if (source.includes(normaliseText(quote))) continue;
    findings.push({
      level: 'error',
      code: 'quote_not_in_source',
      clause,
      path,
      message: `not found verbatim in the shop's page${policy.source ? ` (${policy.source.file})` : ''}: "${short(quote)}"`,
    });
  }
  return findings;
}

type Quoted = { quote: string; path: (string | number)[]; clause: string | undefined };

function quotesOf(policy: Policy): Quoted[] {
  const quotes: Quoted[] = [];
  policy.clauses.forEach((c, i) => {
    const list = typeof c.quote === 'string' ? [c.quote] : c.quote;
    list.forEach((quote, k) => {
      const path = typeof c.quote === 'string' ? ['clauses', i, 'quote'] : ['clauses', i, 'quote', k];
      quotes.push({ quote, path, clause: c.id });
    });
  });
  quotes.push({ quote: policy.fallback.quote, path: ['fallback', 'quote'], clause: policy.fallback.id });
  for (const key of ['responseTime', 'resolutionTime'] as const) {
    const t = policy[key];
    if (t) quotes.push({ quote: t.quote, path: [key, 'quote'], clause: t.id });
  }
  for (const list of ['processing', 'delivery'] as const) {
    policy.profile[list].forEach((t, i) => {
      quotes.push({ quote: t.quote, path: ['profile', list, i, 'quote'], clause: t.id });
    });
  }
  const ship = policy.profile.shipDays?.quote;
  if (ship) quotes.push({ quote: ship, path: ['profile', 'shipDays', 'quote'], clause: undefined });
  quotes.push(...helpQuotesOf(policy));
  return quotes;
}

const listOf = (quote: string | string[]) => (typeof quote === 'string' ? [quote] : quote);

/** The help center's answers, the questions it says are the shop's, and its sizing words: all the shop's. */
function helpQuotesOf({ help }: Policy): Quoted[] {
  if (!help) return [];
  const quotes: Quoted[] = [];
  const push = (quote: string | string[], path: (string | number)[], clause?: string) =>
    listOf(quote).forEach((q, k) => {
      quotes.push({ quote: q, path: typeof quote === 'string' ? path : [...path, k], clause });
    });
  help.faq.forEach((entry, i) => {
    if (entry.questionQuoted) push(entry.question, ['help', 'faq', i, 'question'], entry.id);
    push(entry.answer, ['help', 'faq', i, 'answer'], entry.id);
  });
  const guide = help.sizeGuide;
  if (guide?.quote) push(guide.quote, ['help', 'sizeGuide', 'quote']);
  for (const kind of ['rings', 'necklaces', 'earrings'] as const) {
    const quote = guide?.[kind]?.quote;
    if (quote) push(quote, ['help', 'sizeGuide', kind, 'quote']);
  }
  return quotes;
}

const short = (s: string, n = 100) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
