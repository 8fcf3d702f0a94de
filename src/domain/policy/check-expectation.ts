import type { Decision } from '../contract/decision.schema.ts';
import type { Expect, ResolutionSet } from './example-expect.schema.ts';
import { normaliseText } from './normalise-text.ts';

const DEADLINE_TOLERANCE_MS = 1000;

/** How a decision differs from what an example expects, one sentence per difference; empty when it matches. */
export function checkExpectation(expect: Expect, decision: Decision): string[] {
  const failures: string[] = [];
  const differ = (label: string, want: unknown, got: unknown) => {
    if (want !== undefined && want !== got) failures.push(`${label}: expected ${show(want)}, got ${show(got)}`);
  };
  differ('outcome', expect.outcome, decision.outcome);
  if (expect.resolutions) failures.push(...checkResolutions('resolutions', expect.resolutions, decision.resolutions));
  differ('returnRequired', expect.returnRequired, decision.returnRequired);
  differ('returnShippingPaidBy', expect.returnShippingPaidBy, decision.returnShippingPaidBy);
  for (const [key, want] of Object.entries(expect.money ?? {})) {
    differ(`money.${key}`, want, decision.money[key as keyof Decision['money']]);
  }
  if (expect.restockingFeePositive !== undefined && expect.restockingFeePositive !== decision.money.restockingFee > 0) {
    const want = expect.restockingFeePositive ? 'more than 0' : '0';
    failures.push(`money.restockingFee: expected ${want}, got ${decision.money.restockingFee}`);
  }
  for (const [key, want] of Object.entries(expect.deadlines ?? {})) {
    const problem = checkDeadline(want, decision.deadlines[key as keyof Decision['deadlines']]);
    if (problem) failures.push(`deadlines.${key}: ${problem}`);
  }
  for (const r of expect.requirements?.includes ?? []) {
    if (!decision.requirements.includes(r))
      failures.push(`requirements: expected to include ${r}, got ${list(decision.requirements)}`);
  }
  for (const r of expect.requirements?.excludes ?? []) {
    if (decision.requirements.includes(r))
      failures.push(`requirements: expected not to include ${r}, got ${list(decision.requirements)}`);
  }
  if (expect.quotes) failures.push(...checkQuotes(expect.quotes, decision));
  for (const want of expect.lines ?? []) {
    const line = decision.lines.find((l) => l.id === want.id);
    if (!line) {
      failures.push(
        `lines[${want.id}]: expected a line decision, got none (lines: ${list(decision.lines.map((l) => l.id))})`,
      );
      continue;
    }
    differ(`lines[${want.id}].outcome`, want.outcome, line.outcome);
    if (want.resolutions)
      failures.push(...checkResolutions(`lines[${want.id}].resolutions`, want.resolutions, line.resolutions));
    differ(`lines[${want.id}].itemsRefundable`, want.itemsRefundable, line.itemsRefundable);
  }
  return failures;
}

function checkResolutions(label: string, want: ResolutionSet, got: string[]): string[] {
  const failures: string[] = [];
  if (want.exactly) {
    const a = new Set(want.exactly);
    const b = new Set(got);
    if (a.size !== b.size || [...a].some((x) => !b.has(x))) {
      failures.push(`${label}: expected exactly ${list(want.exactly)}, got ${list(got)}`);
    }
  }
  for (const r of want.includes ?? []) {
    if (!got.includes(r)) failures.push(`${label}: expected to include ${r}, got ${list(got)}`);
  }
  for (const r of want.excludes ?? []) {
    if (got.includes(r)) failures.push(`${label}: expected not to include ${r}, got ${list(got)}`);
  }
  return failures;
}

function checkDeadline(want: string | null | undefined, got: string | null): string | undefined {
  if (want === undefined) return undefined;
  if (want === null) return got === null ? undefined : `expected null, got ${got}`;
  if (got === null) return `expected ${want}, got null`;
  const diff = Date.parse(got) - Date.parse(want);
  if (Math.abs(diff) <= DEADLINE_TOLERANCE_MS) return undefined;
  const seconds = Math.round(diff / 1000);
  return `expected ${want}, got ${got} (${seconds > 0 ? '+' : ''}${seconds} s)`;
}

function checkQuotes(wanted: string[], decision: Decision): string[] {
  const quotes = [...decision.reasons, ...decision.lines.flatMap((l) => l.reasons ?? [])].map((r) =>
    normaliseText(r.quote),
  );
  return wanted
    .filter((q) => !quotes.some((have) => have.includes(normaliseText(q))))
    .map(
      (q) =>
        `quotes: expected a reason quoting "${q}", got ${quotes.length ? [...new Set(quotes)].map((h) => `"${short(h)}"`).join(', ') : 'no quotes'}`,
    );
}

const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));
const list = (v: readonly string[]) => `[${v.join(', ')}]`;
const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
