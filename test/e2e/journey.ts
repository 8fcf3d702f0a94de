import { expect } from 'vitest';
import { type DemoOrder, generateDemoOrders } from '../../src/demo/generate-demo-orders.ts';
import { readWorkedScenarios } from '../../src/demo/read-worked-scenarios.ts';
import { loadBundledPolicies } from '../../src/policies/load-policy-file.ts';
import type { DeskApp } from '../desk-app.ts';

/** The moment the end-to-end tests' demo is generated for: its requests are made in the days before. */
export const E2E_REFERENCE = '2026-06-15T12:00:00Z';

const policies = loadBundledPolicies();
let demo: DemoOrder[] | undefined;

/** The demo orders the end-to-end tests walk: the same `npm start` seeds, for a fixed reference. */
export function demoOrders(): DemoOrder[] {
  demo ??= generateDemoOrders(policies.values(), {
    reference: E2E_REFERENCE,
    worked: readWorkedScenarios(policies.keys()),
  }).orders;
  return demo;
}

/** The first demo order of a shop whose request the named clause decides (and that `also` accepts). */
export function demoDecidedBy(shop: string, clause: string, also: (d: DemoOrder) => boolean = () => true): DemoOrder {
  const found = demoOrders().find((d) => d.shop === shop && d.decidedBy.some((l) => l.by === clause) && also(d));
  if (!found) throw new Error(`no ${shop} demo order decided by ${clause}`);
  return structuredClone(found);
}

/** A case as the API answers it: the fields the journeys read. */
export type CaseBody = {
  id: string;
  state: string;
  revision: number;
  outcome: string | null;
  decision: {
    outcome: string;
    resolutions: string[];
    returnRequired: boolean;
    returnShippingPaidBy: 'shop' | 'customer' | null;
    reasons: { clause: string; quote: string }[];
  } | null;
  money: { currency: string; refundableCents: number; refundedCents: number } | null;
  allowedActions: string[];
  [key: string]: unknown;
};

const HOUR = 3_600_000;
const later = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * HOUR).toISOString();

/**
 * One customer's journey through the desk's HTTP API, on a desk server whose
 * clock it moves: the order imported by the shop, the request opened by the
 * customer (order number and email), then each step of the lifecycle.
 */
export class Journey {
  private clock: string;
  case!: CaseBody;

  constructor(
    private readonly desk: DeskApp,
    readonly demo: DemoOrder,
  ) {
    this.clock = demo.now;
  }

  /** The shop imports the order; the customer asks, at the demo's moment; Loupe decides. */
  async open(): Promise<CaseBody> {
    const { desk, demo } = this;
    desk.setNow(demo.order.placedAt);
    const imported = await desk.staff({
      method: 'POST',
      url: `/api/v1/shops/${demo.shop}/orders`,
      payload: { order: demo.order, customer: demo.customer },
    });
    expect(imported.statusCode, imported.body).toBeLessThan(300);
    desk.setNow(demo.now);
    const opened = await desk.app.inject({
      method: 'POST',
      url: `/api/v1/shops/${demo.shop}/cases`,
      payload: { orderNumber: demo.order.number, email: demo.customer.email, request: demo.request },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    this.case = opened.json();
    return this.case;
  }

  /** Moves the clock on by some hours. */
  wait(hours: number): this {
    this.clock = later(this.clock, hours);
    this.desk.setNow(this.clock);
    return this;
  }

  /** Staff (or, with `asCustomer`, the customer) take an action at the case's revision; answers the raw response. */
  async try(action: string, payload: object = {}, asCustomer = false) {
    const url = `/api/v1/cases/${this.case.id}/actions/${action}`;
    const body = { revision: this.case.revision, ...payload };
    return asCustomer
      ? this.desk.app.inject({
          method: 'POST',
          url,
          payload: { orderNumber: this.demo.order.number, email: this.demo.customer.email, ...body },
        })
      : this.desk.staff({ method: 'POST', url, payload: body });
  }

  /** Takes an action that must succeed, and keeps the case it answers. */
  async act(action: string, payload: object = {}, asCustomer = false): Promise<CaseBody> {
    const res = await this.try(action, payload, asCustomer);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    this.case = res.json();
    return this.case;
  }

  /**
   * The return leg: staff authorize (a return address where the policy gives
   * none), the customer sends the tracking number, the shop receives the
   * parcel and inspects it, finding it as the customer said.
   */
  async sendBackAndInspect(): Promise<CaseBody> {
    const contact = policies.get(this.demo.shop)?.profile.contact.address;
    const deadlines = this.case.deadlines as { shipBy: string | null };
    this.wait(3);
    await this.act('authorize', {
      ...(contact ? {} : { returnAddress: `${this.demo.shop} returns, 1 Demo Street` }),
      // A policy with no ship-back window leaves the date to the shop.
      ...(deadlines.shipBy ? {} : { shipBy: later(this.clock, 14 * 24) }),
    });
    expect(this.case.state).toBe('awaiting_return');
    await this.wait(20).act('ship_return', { trackingNumber: 'EZ1000000001' }, true);
    expect(this.case.state).toBe('in_transit');
    await this.wait(72).act('receive');
    expect(this.case.state).toBe('received');
    const findings = this.demo.request.lines.map((id) => ({ id, condition: this.demo.request.condition ?? {} }));
    const lines = findings.length ? findings : this.demo.order.lines.map((l) => ({ id: l.id, condition: {} }));
    await this.wait(2).act('inspect', { findings: lines });
    expect(this.case.state).toBe('inspected');
    return this.case;
  }

  /** A money POST of the case with an Idempotency-Key: `refunds` or `store-credit`. */
  money(kind: 'refunds' | 'store-credit', amountCents: number, key: string) {
    return this.desk.staff({
      method: 'POST',
      url: `/api/v1/cases/${this.case.id}/${kind}`,
      headers: { 'idempotency-key': key },
      payload: { amountCents },
    });
  }

  /** The case's ledger as staff see it. */
  async ledger(): Promise<{
    refundableCents: number;
    refundedCents: number;
    leftToRefundCents: number;
    entries: { kind: string; amountCents: number; reference: string | null; method: string | null }[];
  }> {
    const res = await this.desk.staff({ url: `/api/v1/cases/${this.case.id}/ledger` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  /** The clause ids the decision cites. */
  clauses(): string[] {
    return (this.case.decision?.reasons ?? []).map((r) => r.clause);
  }
}
