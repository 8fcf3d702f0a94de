import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { caseMoney, idempotencyKeys, ledgerEntries } from '../../storage/schema/index.ts';
import { hashRequest } from './hash-request.ts';
import { issueRefund } from './issue-refund.ts';
import { fixtureContext, moneyCase } from './test-fixtures.ts';
import { withIdempotency } from './with-idempotency.ts';

const { db, kind } = await testDatabase();
const ctx = fixtureContext(db);
const ROUTE = 'POST /api/v1/cases/:id/refunds';

/** A refund under `key`, as the route makes it; `hold` keeps the transaction open so retries arrive meanwhile. */
function refundOnce(c: Awaited<ReturnType<typeof moneyCase>>, key: string, amountCents: number, hold = 0) {
  const input = { caseId: c.caseId, amountCents };
  return withIdempotency(ctx, { shopId: c.shopId, key, route: ROUTE, requestHash: hashRequest(input) }, async (tx) => {
    const refund = await issueRefund(tx, c.staff, { ...input, idempotencyKey: key });
    if (hold) await new Promise((resolve) => setTimeout(resolve, hold));
    return { status: 201, body: refund };
  });
}

const ledgerOf = (caseId: string) => db.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId));

describe(`withIdempotency on ${kind}`, () => {
  it('answers a retry with the first response, byte for byte, and books nothing more', async () => {
    const c = await moneyCase(db);
    const first = await refundOnce(c, 'k-1', 3_000);
    const again = await refundOnce(c, 'k-1', 3_000);
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    expect(JSON.parse(first.body)).toMatchObject({ entry: { amountCents: 3_000, idempotencyKey: 'k-1' } });
    expect(await ledgerOf(c.caseId)).toHaveLength(1);
  });

  it('gives 20 simultaneous requests under one key one refund and 20 identical responses', async () => {
    const c = await moneyCase(db, { refundableCents: 10_000 });
    // The first holds its transaction for 100 ms: on PostgreSQL the others
    // wait on the key's unique index meanwhile, then read the stored answer.
    const responses = await Promise.all(Array.from({ length: 20 }, () => refundOnce(c, 'same-key', 10_000, 100)));
    expect(new Set(responses.map((r) => `${r.status} ${r.body}`)).size).toBe(1);
    expect(responses.filter((r) => !r.replayed)).toHaveLength(1);
    expect(responses[0]?.status).toBe(201);
    expect(await ledgerOf(c.caseId)).toHaveLength(1);
    const [money] = await db.select().from(caseMoney).where(eq(caseMoney.caseId, c.caseId));
    expect(money?.refundedCents).toBe(10_000);
  });

  it('refuses the same key with a different body or on another route with IDEMPOTENCY_MISMATCH', async () => {
    const c = await moneyCase(db);
    await refundOnce(c, 'k-2', 1_000);
    await expect(refundOnce(c, 'k-2', 2_000)).rejects.toMatchObject({
      code: 'IDEMPOTENCY_MISMATCH',
      issues: [{ path: ['Idempotency-Key'] }],
    });
    const otherRoute = withIdempotency(
      ctx,
      { shopId: c.shopId, key: 'k-2', route: 'POST /api/v1/cases/:id/charges', requestHash: 'x' },
      async () => ({ status: 201, body: {} }),
    );
    await expect(otherRoute).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
    expect(await ledgerOf(c.caseId)).toHaveLength(1);
  });

  it('keeps no answer for a refused request, so the key is judged afresh', async () => {
    const c = await moneyCase(db, { refundableCents: 1_000 });
    await expect(refundOnce(c, 'k-3', 1_500)).rejects.toMatchObject({ code: 'OVER_REFUND' });
    const held = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.shopId, c.shopId), eq(idempotencyKeys.key, 'k-3')));
    expect(held).toEqual([]);
    await db.update(caseMoney).set({ refundableCents: 2_000 }).where(eq(caseMoney.caseId, c.caseId));
    expect((await refundOnce(c, 'k-3', 1_500)).status).toBe(201);
  });

  it('scopes keys to a shop: two shops may use the same key', async () => {
    const a = await moneyCase(db);
    const b = await moneyCase(db);
    await refundOnce(a, 'shared', 700);
    expect((await refundOnce(b, 'shared', 700)).replayed).toBe(false);
    expect(await ledgerOf(b.caseId)).toHaveLength(1);
  });
});
