import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { aulsoOrder } from '../../../bench/desk/aulso-orders.ts';
import { testDatabase } from '../../../test/database.ts';
import { importOrder } from '../../services/import-order.ts';
import type { ServiceContext } from '../../services/service-context.ts';
import { syncBundledPolicies } from '../../services/sync-bundled-policies.ts';
import { auditLog, caseMoney, cases, messages } from '../schema/index.ts';
import { insertNewCase, type NewCase, nextCaseNumber } from './cases.ts';
import { findOrder, findOrderCustomer, findOrderToDecide } from './orders.ts';
import { policyVersionInForce } from './policy-versions.ts';

const { db } = await testDatabase();
const now = new Date('2026-11-20T10:00:00Z');
const ctx: ServiceContext = { db, now: () => now, newId: () => randomUUID() };
await syncBundledPolicies({ ...ctx, now: () => new Date('2026-01-01T00:00:00Z') });
const owner = { role: 'owner', shopId: '*', name: 'test' } as const;
const order = aulsoOrder('A-NEW-CASE-1', now.getTime());
await importOrder(ctx, owner, { shopId: 'aulso', order, customer: { email: 'Ana@Example.com', name: 'Ana' } });

/** A new return case on the imported order, with money, the open and decide entries, and a first message. */
async function newCase(messageId: string = randomUUID()): Promise<NewCase> {
  const found = await findOrderToDecide(db, 'aulso', order.number);
  if (!found?.policyVersionId) throw new Error('the order or its version is missing');
  const id = randomUUID();
  const entry = { shopId: 'aulso', caseId: id, policyVersionId: found.policyVersionId, at: now, detail: {} };
  return {
    row: {
      id,
      number: await nextCaseNumber(db),
      shopId: 'aulso',
      orderId: found.order.id,
      type: 'return',
      state: 'submitted',
      request: null,
      decision: null,
      outcome: null,
      policyVersionId: found.policyVersionId,
      authorizationNumber: null,
      returnAddress: null,
      shipBy: null,
      returnTrackingNumber: null,
      respondsBy: new Date('2026-11-24T15:59:59.999Z'),
      resolutionBy: null,
      repairQuoteCents: null,
      createdAt: now,
      updatedAt: now,
      revision: 0,
    },
    money: { caseId: id, currency: 'USD', refundableCents: 5900 },
    audit: [
      { ...entry, actor: 'customer:ana', action: 'open', fromState: null, toState: 'submitted' },
      { ...entry, actor: 'system:loupe', action: 'decide', fromState: 'submitted', toState: 'decided_approved' },
    ],
    message: {
      id: messageId,
      caseId: id,
      authorKind: 'customer',
      author: 'Ana',
      body: 'It is too big.',
      createdAt: now,
    },
  };
}

const rowsOf = async (caseId: string) => ({
  cases: (await db.select({ n: count() }).from(cases).where(eq(cases.id, caseId)))[0]?.n,
  money: (await db.select({ n: count() }).from(caseMoney).where(eq(caseMoney.caseId, caseId)))[0]?.n,
  audit: (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.caseId, caseId)))[0]?.n,
  messages: (await db.select({ n: count() }).from(messages).where(eq(messages.caseId, caseId)))[0]?.n,
});

describe('reading an order to decide on it, in one statement', () => {
  it('answers the same order as the plain read, with the version in force when it was placed', async () => {
    const found = await findOrderToDecide(db, 'aulso', order.number);
    expect(found?.order).toEqual(await findOrder(db, 'aulso', order.number));
    expect(found?.order.order).toEqual(order);
    expect(found?.policyVersionId).toBe((await policyVersionInForce(db, 'aulso', new Date(order.placedAt)))?.id);
  });

  it('finds the order as a customer types it from a Shopify mail, "#" and spaces let go', async () => {
    expect((await findOrderToDecide(db, 'aulso', `#${order.number}`))?.order.order.number).toBe(order.number);
    expect(await findOrderCustomer(db, 'aulso', ` # ${order.number} `)).toMatchObject({ email: 'ana@example.com' });
  });

  it('answers nothing for a number the shop does not have, or another shop', async () => {
    expect(await findOrderToDecide(db, 'aulso', 'A-NOPE')).toBeUndefined();
    expect(await findOrderToDecide(db, 'theor', order.number)).toBeUndefined();
  });

  it("names the order's customer by the email stored lower-cased", async () => {
    expect(await findOrderCustomer(db, 'aulso', order.number)).toMatchObject({ email: 'ana@example.com' });
    expect(await findOrderCustomer(db, 'amijose', order.number)).toBeUndefined();
  });
});

describe('storing a new case', () => {
  it('stores the case, its money, both audit entries and the message, numbered from the sequence', async () => {
    const a = await newCase();
    const b = await newCase();
    await insertNewCase(db, a);
    await insertNewCase(db, b);
    expect(b.row.number).toBeGreaterThan(a.row.number);
    expect(await rowsOf(a.row.id)).toEqual({ cases: 1, money: 1, audit: 2, messages: 1 });
    const [stored] = await db.select().from(cases).where(eq(cases.id, a.row.id));
    expect(stored).toEqual(a.row);
  });

  it('stores nothing at all when one of its rows is refused', async () => {
    const taken = await newCase();
    await insertNewCase(db, taken);
    // The message's id is taken: the whole statement fails, the case with it.
    const refused = await newCase(taken.message?.id);
    await expect(insertNewCase(db, refused)).rejects.toThrow();
    expect(await rowsOf(refused.row.id)).toEqual({ cases: 0, money: 0, audit: 0, messages: 0 });
  });

  it('stores a case without money, message or a second entry (an inquiry)', async () => {
    const c = await newCase();
    const inquiry = { ...c, money: undefined, message: undefined, audit: c.audit.slice(0, 1) };
    await insertNewCase(db, inquiry);
    expect(await rowsOf(c.row.id)).toEqual({ cases: 1, money: 0, audit: 1, messages: 0 });
  });
});
