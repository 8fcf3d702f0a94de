import type { Case, Order, Request } from '../domain/contract/case.schema.ts';
import type { Outcome } from '../domain/contract/decision.schema.ts';
import { parseCase } from '../domain/contract/parse-case.ts';
import { decide } from '../domain/decide/decide.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';
import { buildDemoCase, defaultReasons } from './build-demo-case.ts';
import { decidingClauseIds, decidingClauses, type LineDecidedBy } from './deciding-clauses.ts';
import { DEMO_CUSTOMERS, demoShop } from './demo-catalogue.ts';
import { type SeededRandom, seededRandom } from './seeded-random.ts';
import { shiftCase } from './shift-case.ts';
import { type Plan, whenPlans } from './when-plans.ts';

/** Where a demo order comes from: a shared worked scenario, a policy's own example, or made from a clause. */
export type DemoOrigin = { kind: 'scenario' | 'example' | 'synthesised'; name: string };

/** A worked case to start from: the contract case of a scenario or a policy example, unparsed. */
export type WorkedCase = { kind: 'scenario' | 'example'; name: string; case: unknown };

/** One demo order of a shop, its customer, and the request that walks one path of the shop's policy. */
export type DemoOrder = {
  shop: string;
  customer: { email: string; name: string };
  order: Order;
  request: Request;
  /** When the customer asks: at or before the reference time. */
  now: string;
  origin: DemoOrigin;
  /** What decided each line of the request, by the engine. */
  decidedBy: LineDecidedBy[];
  outcome: Outcome;
};

/** Which of a shop's deciding clauses the demo orders reach. */
export type DemoCoverage = { shop: string; deciding: string[]; covered: string[]; uncovered: string[] };

/** Options: the moment the demo is "now", a seed for names and products, worked cases to start from. */
export type DemoOptions = { reference: Date | string; seed?: number | string; worked?: WorkedCase[] };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** How many days before the reference a request is made: most of them lately, a few long enough ago to be overdue. */
const DAYS_BACK = [0, 0, 0, 1, 1, 2, 3, 5, 9, 12];
const ORDER_NUMBER_BASE = 50001;
/** Attempts at a plan before a clause counts as unreachable: plenty for the bundled policies, bounded for any. */
const SYNTHESIS_LIMIT = 4000;

/**
 * Demo orders for each policy, so that every deciding clause decides at least
 * one request. Worked cases (the shared scenarios, the policy's examples) come
 * first, moved to the days before `reference` and kept only if they still
 * decide as they did; a clause no worked case reaches gets a case made
 * from its `when`, checked against the engine. Beyond the clauses: a request
 * no clause covers (the fallback) and one with a fact missing, where the
 * policy has such paths. Pure and deterministic for the same inputs and seed.
 */
export function generateDemoOrders(
  policies: Iterable<Policy>,
  options: DemoOptions,
): {
  orders: DemoOrder[];
  coverage: DemoCoverage[];
} {
  const reference = new Date(options.reference).getTime();
  const orders: DemoOrder[] = [];
  const coverage: DemoCoverage[] = [];
  for (const policy of policies) {
    const random = seededRandom(`${options.seed ?? 'loupe'}:${policy.id}`);
    const worked = [
      ...(options.worked ?? []).filter((w) => (w.case as { shop?: unknown }).shop === policy.id),
      ...policy.examples.map(
        (e): WorkedCase => ({ kind: 'example', name: e.name, case: { shop: policy.id, ...e.case } }),
      ),
    ];
    const cases: { c: Case; origin: DemoOrigin }[] = [];
    for (const w of worked) {
      const c = moveBefore(policy, w.case, reference, random.pick(DAYS_BACK));
      if (c) cases.push({ c, origin: { kind: w.kind, name: w.name } });
    }
    const reached = () => new Set(cases.flatMap(({ c }) => decidingClauses(policy, c).map((l) => l.by)));

    const deciding = decidingClauseIds(policy);
    for (const clause of policy.clauses) {
      if (clause.then?.outcome === undefined || reached().has(clause.id)) continue;
      const plans = whenPlans(clause.when, policy.reasonGroups);
      const c = synthesise(policy, (by) => by === clause.id, plans, requestTime(reference, random), random);
      if (c) cases.push({ c, origin: { kind: 'synthesised', name: `${clause.id}: ${describe(c)}` } });
    }
    for (const [path, holds] of OTHER_PATHS) {
      if ([...reached()].some(holds)) continue;
      const c = synthesise(policy, holds, everyRequest(), requestTime(reference, random), random);
      if (c) cases.push({ c, origin: { kind: 'synthesised', name: `${path}: ${describe(c)}` } });
    }

    const covered = reached();
    coverage.push({
      shop: policy.id,
      deciding,
      covered: deciding.filter((id) => covered.has(id)),
      uncovered: deciding.filter((id) => !covered.has(id)),
    });
    orders.push(...asDemoOrders(policy, cases, random));
  }
  return { orders, coverage };
}

/** Paths of a policy beyond its clauses: nothing applies, or a fact the policy needs is missing. */
const OTHER_PATHS: [string, (by: string) => boolean][] = [
  ['fallback', (by) => by === 'fallback'],
  ['missing fact', (by) => by.startsWith('missing:')],
];

function* everyRequest(): Generator<Plan> {
  for (const request of [
    'return',
    'exchange',
    'cancel',
    'change_item',
    'change_address',
    'change_shipping',
    'warranty',
    'report_problem',
  ] as const) {
    yield { request };
    yield { request, delivered: false };
    yield { request, shipped: true, delivered: false };
  }
}

/**
 * A worked case moved so its request falls a few days (`daysBack`, drawn per
 * case) before `reference`: by whole days in the shop's time zone first, then
 * by whole weeks, which keep the weekday. Kept only if it still decides as the
 * original did (same outcome and deciding clause per line).
 */
function moveBefore(policy: Policy, raw: unknown, reference: number, daysBack: number): Case | undefined {
  const parsed = parseCase(raw);
  if (!parsed.ok) return undefined;
  const original = signature(policy, parsed.value);
  if (original === undefined) return undefined;
  const elapsed = reference - Date.parse(parsed.value.now);
  const days = Math.floor(elapsed / DAY) - daysBack;
  const weeks = Math.floor(elapsed / WEEK);
  const tries = [...[0, 1, 2, 3, 4, 5, 6].map((d) => (days - d) / 7), ...[0, 1, 2, 3, 4, 5].map((w) => weeks - w)];
  for (const w of tries) {
    const moved = shiftCase(parsed.value, w, policy.profile.timeZone);
    if (Date.parse(moved.now) > reference) continue;
    if (signature(policy, moved) === original && decidesCleanly(policy, moved)) return moved;
  }
  return undefined;
}

function signature(policy: Policy, c: Case): string | undefined {
  try {
    return JSON.stringify(decidingClauses(policy, c));
  } catch {
    return undefined;
  }
}

function decidesCleanly(policy: Policy, c: Case): boolean {
  try {
    decide(policy, c);
    return true;
  } catch {
    return false;
  }
}

/** The first case made from the plans whose first line the engine decides as `holds` wants. */
function synthesise(
  policy: Policy,
  holds: (by: string) => boolean,
  plans: Iterable<Plan>,
  now: number,
  random: SeededRandom,
): Case | undefined {
  let tries = 0;
  for (const plan of plans) {
    const reasons = plan.reason ? [plan.reason] : defaultReasons(plan.request ?? 'return');
    // Inside a window, half-way first; then near its end, past shorter windows of earlier clauses; then near its start.
    const positions = plan.windows?.some((w) => w.inside) ? [0.5, 0.9, 0.1] : [0.5];
    for (const [reason, insideAt] of reasons.flatMap((r) => positions.map((p) => [r, p] as const))) {
      if (++tries > SYNTHESIS_LIMIT) return undefined;
      const parsed = parseCase(buildDemoCase(policy, plan, reason, now, random, insideAt));
      if (!parsed.ok) continue;
      let first: LineDecidedBy | undefined;
      try {
        first = decidingClauses(policy, parsed.value).find((l) => l.line === 'L1');
      } catch {
        continue;
      }
      if (first && holds(first.by) && decidesCleanly(policy, parsed.value)) return parsed.value;
    }
  }
  return undefined;
}

/** A moment in the few days before the reference, on the hour or half hour. */
function requestTime(reference: number, random: SeededRandom): number {
  const back = random.pick(DAYS_BACK) * DAY + random.int(1, 9) * HOUR + random.pick([0, 30]) * 60_000;
  return Math.floor((reference - back) / 60_000) * 60_000;
}

function describe(c: Case): string {
  const line = c.order.lines[0];
  return [c.request.type, c.request.reason, line?.title].filter(Boolean).join(', ');
}

/** Numbers the orders by placement, gives each a customer, and records what decided it. */
function asDemoOrders(policy: Policy, cases: { c: Case; origin: DemoOrigin }[], random: SeededRandom): DemoOrder[] {
  const prefix = demoShop(policy.id).orderPrefix;
  const sorted = [...cases].sort((a, b) => Date.parse(a.c.order.placedAt) - Date.parse(b.c.order.placedAt));
  return sorted.map(({ c, origin }, i) => {
    const name = random.pick(DEMO_CUSTOMERS);
    const order = { ...c.order, number: `${prefix}-${ORDER_NUMBER_BASE + i}` };
    const renumbered = { ...c, order };
    return {
      shop: policy.id,
      customer: { name, email: emailOf(name) },
      order,
      request: c.request,
      now: c.now,
      origin,
      decidedBy: decidingClauses(policy, renumbered),
      outcome: decide(policy, renumbered).outcome,
    };
  });
}

/** `Lucía Fernández` -> `lucia.fernandez@example.com` (a domain reserved for examples). */
function emailOf(name: string): string {
  const local = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
  return `${local}@example.com`;
}
