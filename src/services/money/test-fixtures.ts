import { randomUUID } from 'node:crypto';
import type { PaymentMethod } from '../../domain/contract/case.schema.ts';
import type { Decision } from '../../domain/contract/decision.schema.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { LoupeDatabase } from '../../storage/database.ts';
import { caseMoney, cases, customers, orders, policyVersions, shops } from '../../storage/schema/index.ts';
import type { Actor, ServiceContext } from '../service-context.ts';

/** The instant the money tests happen at. */
export const FIXTURE_NOW = new Date('2026-05-04T08:00:00.000Z');

/** A context on `db` whose clock starts at FIXTURE_NOW and moves a second each time it is read, and random ids. */
export function fixtureContext(db: LoupeDatabase): ServiceContext {
  let tick = 0;
  return { db, now: () => new Date(FIXTURE_NOW.getTime() + 1000 * tick++), newId: () => randomUUID() };
}

/** An agent of the shop. */
export function agentOf(shopId: string): Actor {
  return { role: 'agent', shopId, name: 'Mei' };
}

/** What `moneyCase` makes; `refundableCents: null` leaves the case without a `case_money` row. */
export type MoneyCaseOptions = {
  refundableCents?: number | null;
  currency?: string;
  paymentMethod?: PaymentMethod | null;
  /** The remedies the case's stored decision offers; none given stores no decision. */
  resolutions?: Decision['resolutions'];
};

/**
 * A shop of its own, a customer, an order and a resolved return case whose
 * decision allows `refundableCents` back (10 000 by default), written straight
 * into the storage schema so money tests do not depend on the case services.
 */
export async function moneyCase(db: LoupeDatabase, options: MoneyCaseOptions = {}) {
  const { refundableCents = 10_000, currency = 'USD', paymentMethod = 'card' } = options;
  const shopId = `shop-${randomUUID()}`;
  await db.insert(shops).values({ id: shopId, name: 'Money test shop', createdAt: FIXTURE_NOW });
  const customerId = randomUUID();
  await db.insert(customers).values({ id: customerId, shopId, email: 'ana@example.com', createdAt: FIXTURE_NOW });
  const orderId = randomUUID();
  await db.insert(orders).values({
    id: orderId,
    shopId,
    number: '1001',
    customerId,
    placedAt: new Date('2026-04-20T10:00:00Z'),
    currency,
    destinationCountry: 'US',
    paymentMethod,
    createdAt: FIXTURE_NOW,
  });
  const caseId = randomUUID();
  const policyVersionId = options.resolutions ? randomUUID() : null;
  if (policyVersionId) {
    const policy = { id: shopId, version: '1' } as Policy;
    await db.insert(policyVersions).values({
      id: policyVersionId,
      shopId,
      version: '1',
      sourceYaml: '',
      policy,
      effectiveFrom: FIXTURE_NOW,
      createdAt: FIXTURE_NOW,
    });
  }
  await db.insert(cases).values({
    id: caseId,
    shopId,
    orderId,
    number: 1,
    type: 'return',
    state: 'resolved',
    policyVersionId,
    decision: options.resolutions ? ({ outcome: 'approved', resolutions: options.resolutions } as Decision) : null,
    outcome: options.resolutions ? 'approved' : null,
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
  });
  if (refundableCents !== null) await db.insert(caseMoney).values({ caseId, currency, refundableCents });
  return { shopId, customerId, orderId, caseId, staff: agentOf(shopId) };
}
