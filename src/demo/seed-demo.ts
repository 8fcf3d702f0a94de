import { parseCase } from '../domain/contract/parse-case.ts';
import { decide } from '../domain/decide/decide.ts';
import type { Policy } from '../domain/policy/policy.schema.ts';
import { importOrder } from '../services/import-order.ts';
import { openCase } from '../services/open-case.ts';
import type { Actor, ServiceContext } from '../services/service-context.ts';
import { takeCaseAction } from '../services/take-case-action.ts';
import { transaction } from '../storage/database.ts';
import { listCasesOfOrder } from '../storage/repositories/cases.ts';
import { findOrder } from '../storage/repositories/orders.ts';
import { type DemoOrder, generateDemoOrders, type WorkedCase } from './generate-demo-orders.ts';

/** What seeds the demo: the moment it is "now", a seed, the shops' policies and worked cases to start from. */
export type SeedDemoOptions = {
  reference: Date;
  seed?: number | string;
  policies: Iterable<Policy>;
  worked?: WorkedCase[];
};

/** What seeding found and did: demo orders and their cases, in all and added by this run. */
export type SeedDemoResult = {
  shops: number;
  orders: number;
  ordersAdded: number;
  cases: number;
  casesOpened: number;
};

/** Who seeds: the demo's owner of every shop, named so in the audit log. */
export const DEMO_ACTOR: Actor = { role: 'owner', shopId: '*', name: 'demo' };

/** Per shop, how many cases to leave waiting on the customer's parcel and on the shop's review. */
const AWAITING_RETURN = 2;
const NEEDING_REVIEW = 2;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The ship-back time the demo's shop gives when its policy sets none. */
const SHIP_BACK_DAYS = 14;

/**
 * Brings the demo into a database whose shops are synced: each shop's
 * generated orders (`generateDemoOrders`), and cases opened for a few of them
 * so the inbox has work: per shop, returns awaiting the customer's parcel and
 * requests needing the shop's review, all still within their deadlines, and
 * across the shops one whose reply is overdue (when a request is old enough).
 * Each case is opened by its customer at the moment they asked, and decided
 * then. Running it again adds nothing: an order already there is left as it
 * is, as are its cases (`cases` counts them). One transaction.
 */
export async function seedDemo(ctx: ServiceContext, options: SeedDemoOptions): Promise<SeedDemoResult> {
  // One transaction: a start killed half-way leaves no half demo, and one commit is much faster than 150.
  return transaction(ctx.db, (tx) => seedInto({ ...ctx, db: tx }, options));
}

async function seedInto(ctx: ServiceContext, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const policies = [...options.policies];
  const { orders } = generateDemoOrders(policies, {
    reference: options.reference,
    seed: options.seed,
    worked: options.worked,
  });
  const byId = new Map(policies.map((p) => [p.id, p]));
  const reference = options.reference.getTime();
  const chosen = chooseCases(orders, byId, reference);

  const result: SeedDemoResult = { shops: byId.size, orders: orders.length, ordersAdded: 0, cases: 0, casesOpened: 0 };
  for (const demo of orders) {
    const at = (iso: string) => ({ ...ctx, now: () => new Date(iso) });
    const known = await findOrder(ctx.db, demo.shop, demo.order.number);
    if (known) {
      // Left as it is: a demo seeded for another day must not be decided again at this one's moments.
      result.cases += (await listCasesOfOrder(ctx.db, known.id)).length;
      continue;
    }
    const { order } = await importOrder(at(demo.order.placedAt), DEMO_ACTOR, {
      shopId: demo.shop,
      order: demo.order,
      customer: demo.customer,
    });
    result.ordersAdded++;
    const plan = chosen.get(demo);
    if (!plan) continue;
    const customer: Actor = { role: 'customer', shopId: demo.shop, orderIds: [order.id], email: demo.customer.email };
    const opened = await openCase(at(demo.now), customer, {
      shopId: demo.shop,
      orderNumber: demo.order.number,
      request: demo.request,
      message: demoMessage(demo),
    });
    result.cases++;
    result.casesOpened++;
    if (plan !== 'authorize' || opened.state !== 'decided_approved') continue;
    const authorizedAt = new Date(Math.min(Date.parse(demo.now) + 2 * HOUR, reference));
    const policy = byId.get(demo.shop);
    await takeCaseAction({ ...ctx, now: () => authorizedAt }, DEMO_ACTOR, {
      caseId: opened.id,
      action: 'authorize',
      revision: opened.revision,
      input: {
        ...(policy?.profile.contact.address ? {} : { returnAddress: demoReturnAddress(policy?.name ?? demo.shop) }),
        ...(opened.deadlines.shipBy
          ? {}
          : { shipBy: new Date(Date.parse(demo.now) + SHIP_BACK_DAYS * DAY).toISOString() }),
      },
    });
  }
  return result;
}

/** What the demo does with a request: authorize the return it was granted, leave it for review, or leave the reply owed. */
type CasePlan = 'authorize' | 'review' | 'reply';
type Option = { demo: DemoOrder; plan: CasePlan; due: number | undefined };

/**
 * The demo orders to open cases for: per shop, approved returns to authorize
 * and requests needing review whose deadline is still ahead (or that have
 * none), most recent first; then, across the shops, the most recent request
 * whose deadline has passed, for the inbox's overdue flag.
 */
function chooseCases(orders: DemoOrder[], policies: Map<string, Policy>, reference: number): Map<DemoOrder, CasePlan> {
  const chosen = new Map<DemoOrder, CasePlan>();
  const options = orders
    .flatMap((demo) => caseOptions(demo, policies.get(demo.shop)))
    .sort((a, b) => Date.parse(b.demo.now) - Date.parse(a.demo.now));
  const ahead = (o: Option) => o.due === undefined || o.due > reference;
  for (const shop of policies.keys()) {
    const mine = options.filter((o) => o.demo.shop === shop && ahead(o));
    for (const [plan, count] of [
      ['authorize', AWAITING_RETURN],
      ['review', NEEDING_REVIEW],
    ] as const) {
      for (const o of mine.filter((x) => x.plan === plan).slice(0, count)) chosen.set(o.demo, plan);
    }
  }
  // A return cannot be authorized with a ship-by date already past: the overdue case owes the shop's reply.
  const overdue = options.find((o) => !ahead(o) && o.plan !== 'authorize' && !chosen.has(o.demo));
  if (overdue) chosen.set(overdue.demo, overdue.plan);
  return chosen;
}

/** What the demo can do with an order's request, each with the deadline its case then waits on (`undefined`: none). */
function caseOptions(demo: DemoOrder, policy: Policy | undefined): Option[] {
  const parsed = policy && parseCase({ shop: demo.shop, now: demo.now, order: demo.order, request: demo.request });
  if (!policy || !parsed?.ok) return [];
  const { outcome, returnRequired, deadlines } = decide(policy, parsed.value);
  const at = (iso: string | null) => (iso === null ? undefined : Date.parse(iso));
  const replyDue = at(deadlines.resolutionBy) ?? at(deadlines.shopRespondsBy);
  if (outcome === 'approved' && returnRequired) {
    const shipBy = at(deadlines.returnBy) ?? Date.parse(demo.now) + SHIP_BACK_DAYS * DAY;
    return [
      { demo, plan: 'authorize', due: shipBy },
      { demo, plan: 'reply', due: replyDue },
    ];
  }
  if (outcome === 'needs_review') return [{ demo, plan: 'review', due: replyDue }];
  return [];
}

/** The customer's first message, in plain words. */
function demoMessage(demo: DemoOrder): string {
  const first = demo.order.lines.find((l) => demo.request.lines.length === 0 || demo.request.lines.includes(l.id));
  const what = first?.title ?? 'my order';
  const why = demo.request.reason ? ` (${demo.request.reason.replaceAll('_', ' ')})` : '';
  return `Hello, I would like to ${demo.request.type.replaceAll('_', ' ')} ${what}${why}. Order ${demo.order.number}. Thank you, ${demo.customer.name}`;
}

/** A return address for a shop whose policy gives none: plainly a placeholder the shop replaces. */
function demoReturnAddress(shopName: string): string {
  return `${shopName} Returns, demo address (set the shop's own return address before going live)`;
}
