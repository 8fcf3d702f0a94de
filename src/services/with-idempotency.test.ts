import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { purgeExpiredIdempotencyKeys } from '../storage/repositories/idempotency-keys.ts';
import { caseMoney, idempotencyKeys, ledgerEntries } from '../storage/schema/index.ts';
import { hashRequest } from './hash-request.ts';
import { issueRefund } from './money/issue-refund.ts';
import { FIXTURE_NOW, fixtureContext, moneyCase } from './money/test-fixtures.ts';
import type { ServiceContext } from './service-context.ts';
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

describe(`Idempotency-Key expiry on ${kind}`, () => {
  const HOUR = 60 * 60 * 1000;
  let clock = FIXTURE_NOW;
  const clocked: ServiceContext = { ...ctx, now: () => clock };
  const at = (ms: number) => {
    clock = new Date(FIXTURE_NOW.getTime() + ms);
  };
  const storedKey = async (shopId: string, key: string) =>
    (
      await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.shopId, shopId), eq(idempotencyKeys.key, key)))
    )[0];

  it('replays a key for 24 hours after its first use, then runs the request again', async () => {
    const { shopId } = await moneyCase(db);
    let runs = 0;
    const send = (requestHash: string) =>
      withIdempotency(clocked, { shopId, key: 'day-key', route: 'POST /x', requestHash }, async () => ({
        status: 201,
        body: { run: ++runs },
      }));
    at(0);
    expect(await send('a')).toEqual({ status: 201, body: '{"run":1}', replayed: false });
    at(24 * HOUR - 1);
    expect(await send('a')).toEqual({ status: 201, body: '{"run":1}', replayed: true });
    at(24 * HOUR);
    expect(await send('a')).toEqual({ status: 201, body: '{"run":2}', replayed: false });
    expect((await storedKey(shopId, 'day-key'))?.createdAt).toEqual(clock);
    // The key lives again from its new first use: another body under it is refused.
    at(30 * HOUR);
    await expect(send('b')).rejects.toMatchObject({ code: 'IDEMPOTENCY_MISMATCH' });
    expect(runs).toBe(2);
  });

  it('gives 20 simultaneous requests under an expired key one new run and 20 identical answers', async () => {
    const { shopId } = await moneyCase(db);
    let runs = 0;
    const send = () =>
      withIdempotency(clocked, { shopId, key: 'stampede', route: 'POST /x', requestHash: 'h' }, async () => {
        const run = ++runs;
        // Hold the transaction: on PostgreSQL the others wait on the key's row meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { status: 201, body: { run } };
      });
    at(400 * HOUR);
    await send();
    at(425 * HOUR);
    const answers = await Promise.all(Array.from({ length: 20 }, send));
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(['{"run":2}']));
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(runs).toBe(2);
  });

  it('takes an expired key for another body too: it is a new key by then', async () => {
    const { shopId } = await moneyCase(db);
    const send = (requestHash: string, body: object) =>
      withIdempotency(clocked, { shopId, key: 'reused', route: 'POST /x', requestHash }, async () => ({
        status: 201,
        body,
      }));
    at(0);
    await send('a', { first: true });
    at(25 * HOUR);
    expect(await send('b', { second: true })).toEqual({ status: 201, body: '{"second":true}', replayed: false });
    expect(await storedKey(shopId, 'reused')).toMatchObject({ requestHash: 'b', statusCode: 201 });
  });

  it('purges keys older than 24 hours, in every shop, and keeps the younger ones', async () => {
    const a = await moneyCase(db);
    const b = await moneyCase(db);
    const claim = (shopId: string, key: string) =>
      withIdempotency(clocked, { shopId, key, route: 'POST /x', requestHash: 'h' }, async () => ({
        status: 201,
        body: {},
      }));
    at(100 * HOUR);
    await claim(a.shopId, 'old-a');
    await claim(b.shopId, 'old-b');
    at(110 * HOUR);
    await claim(a.shopId, 'young-a');
    expect(await purgeExpiredIdempotencyKeys(db, new Date(FIXTURE_NOW.getTime() + 124 * HOUR))).toBeGreaterThanOrEqual(
      2,
    );
    expect(await storedKey(a.shopId, 'old-a')).toBeUndefined();
    expect(await storedKey(b.shopId, 'old-b')).toBeUndefined();
    expect(await storedKey(a.shopId, 'young-a')).toMatchObject({ statusCode: 201 });
  });

  it('purges expired keys on the way into a later idempotent request, without a job', async () => {
    const a = await moneyCase(db);
    const b = await moneyCase(db);
    const claim = (shopId: string, key: string) =>
      withIdempotency(clocked, { shopId, key, route: 'POST /x', requestHash: 'h' }, async () => ({
        status: 201,
        body: {},
      }));
    at(200 * HOUR);
    await claim(a.shopId, 'forgotten');
    at(226 * HOUR);
    await claim(b.shopId, 'unrelated');
    expect(await storedKey(a.shopId, 'forgotten')).toBeUndefined();
    expect(await storedKey(b.shopId, 'unrelated')).toMatchObject({ statusCode: 201 });
  });

  it('refuses money under a key that expired: the ledger keeps its key for good', async () => {
    const c = await moneyCase(db);
    const refund = () =>
      withIdempotency(
        clocked,
        { shopId: c.shopId, key: 'late-retry', route: ROUTE, requestHash: hashRequest({ amountCents: 1_000 }) },
        async (tx) => ({
          status: 201,
          body: await issueRefund(tx, c.staff, { caseId: c.caseId, amountCents: 1_000, idempotencyKey: 'late-retry' }),
        }),
      );
    at(300 * HOUR);
    expect((await refund()).replayed).toBe(false);
    at(325 * HOUR);
    await expect(refund()).rejects.toMatchObject({
      code: 'IDEMPOTENCY_MISMATCH',
      issues: [{ path: ['Idempotency-Key'] }],
    });
    expect(await ledgerOf(c.caseId)).toHaveLength(1);
    const [money] = await db.select().from(caseMoney).where(eq(caseMoney.caseId, c.caseId));
    expect(money?.refundedCents).toBe(1_000);
  });
});
