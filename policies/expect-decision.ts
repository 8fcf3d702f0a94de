import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime, type DurationLikeObject } from 'luxon';
import { expect } from 'vitest';
import type { Resolution } from '../src/domain/contract/case.schema.ts';
import type { Decision, Outcome, Requirement } from '../src/domain/contract/decision.schema.ts';
import { CONTRACT_DIR, citedClauses, policyFor } from './test-helpers.ts';

/** What a policy test expects of a decision; everything but outcome, resolutions and cites is optional. */
export type Expected = {
  outcome: Outcome;
  /** Exactly these remedies, in any order. */
  resolutions: Resolution[];
  /** Clause ids the decision's reasons must cite; the first is the clause that decides. */
  cites: string[];
  money?: Partial<Omit<Decision['money'], 'currency'>>;
  /** Compared as instants; `null` when no window applies. */
  requestBy?: string | null;
  requirements?: Requirement[];
  returnRequired?: boolean;
  returnShippingPaidBy?: Decision['returnShippingPaidBy'];
  /** A reason of the deciding clause says this (a missing field, an assessed charge). */
  detail?: RegExp;
  lines?: { id: string; outcome: Outcome; itemsRefundable?: number }[];
};

/** An instant moved by a duration, keeping its offset: `at(DELIVERED, { hours: 47, minutes: 59 })`. */
export function at(iso: string, by: DurationLikeObject): string {
  return DateTime.fromISO(iso, { setZone: true }).plus(by).toISO() as string;
}

const millis = (iso: string | null | undefined) => (iso ? DateTime.fromISO(iso, { setZone: true }).toMillis() : null);

/** Whitespace collapsed, quotes straightened, case folded: how check.mjs compares quotes with the seed. */
const normalise = (text: string) =>
  text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const seeds = new Map<string, string>();
function seedOf(policyId: string): string {
  let text = seeds.get(policyId);
  if (text === undefined) {
    const file = policyFor(policyId).source?.file ?? '';
    text = normalise(readFileSync(path.resolve(CONTRACT_DIR, '../seeds', file), 'utf8'));
    seeds.set(policyId, text);
  }
  return text;
}

/** Asserts a decision against what the test expects, and that every quote it gives is the shop's own words. */
export function expectDecision(policyId: string, d: Decision, e: Expected): void {
  expect(d.outcome).toBe(e.outcome);
  expect([...d.resolutions].sort()).toEqual([...e.resolutions].sort());
  const cited = citedClauses(d);
  for (const id of e.cites) expect(cited).toContain(id);
  if (e.money) expect(d.money).toMatchObject(e.money);
  if (e.requestBy !== undefined) expect(millis(d.deadlines.requestBy)).toBe(millis(e.requestBy));
  for (const r of e.requirements ?? []) expect(d.requirements).toContain(r);
  if (e.returnRequired !== undefined) expect(d.returnRequired).toBe(e.returnRequired);
  if (e.returnShippingPaidBy !== undefined) expect(d.returnShippingPaidBy).toBe(e.returnShippingPaidBy);
  if (e.detail) {
    const details = d.reasons.filter((r) => r.clause === e.cites[0]).map((r) => r.detail ?? '');
    expect(details.join('\n')).toMatch(e.detail);
  }
  for (const want of e.lines ?? []) {
    const line = d.lines.find((l) => l.id === want.id);
    expect(line, `line ${want.id}`).toBeDefined();
    expect(line?.outcome).toBe(want.outcome);
    if (want.itemsRefundable !== undefined) expect(line?.itemsRefundable).toBe(want.itemsRefundable);
  }
  const seed = seedOf(policyId);
  const quotes = [...d.reasons, ...d.lines.flatMap((l) => l.reasons ?? [])].map((r) => r.quote);
  for (const quote of quotes) expect(seed.includes(normalise(quote)), `not on the shop's page: "${quote}"`).toBe(true);
}
