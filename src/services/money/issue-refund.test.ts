import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { auditLog, caseMoney, ledgerEntries } from '../../storage/schema/index.ts';
import { hashRequest } from '../hash-request.ts';
import { withIdempotency } from '../with-idempotency.ts';
import { issueRefund } from './issue-refund.ts';
import { agentOf, fixtureContext, moneyCase } from './test-fixtures.ts';

const { db, kind } = await testDatabase();
const ctx = fixtureContext(db);

async function refundedCents(caseId: string) {
  const [row] = await db.select().from(caseMoney).where(eq(caseMoney.caseId, caseId));
  return row?.refundedCents;
}
const ledgerOf = (caseId: string) => db.select().from(ledgerEntries).where(eq(ledgerEntries.caseId, caseId));

describe(`issueRefund on ${kind}`, () => {
  it('refunds in full to the card the order was paid with, as a `refund`, with an audit row naming the agent', async () => {
    const { caseId, staff } = await moneyCase(db, { refundableCents: 12_500 });
    const { entry, caseMoney: money } = await issueRefund(ctx, staff, { caseId, amountCents: 12_500 });
    expect(entry).toMatchObject({ kind: 'refund', amountCents: 12_500, currency: 'USD', method: 'card' });
    expect(money).toEqual({ currency: 'USD', refundableCents: 12_500, refundedCents: 12_500, leftToRefundCents: 0 });
    const audit = await db.select().from(auditLog).where(eq(auditLog.caseId, caseId));
    expect(audit).toMatchObject([
      { actor: 'agent:Mei', action: 'issue_refund', detail: { ledgerEntryId: entry.id, amountCents: 12_500 } },
    ]);
  });

  it('refuses a card refund on a case whose decision offers store credit only, booking nothing', async () => {
    const { caseId, staff } = await moneyCase(db, { resolutions: ['store_credit'] });
    await expect(issueRefund(ctx, staff, { caseId, amountCents: 100 })).rejects.toMatchObject({
      code: 'REMEDY_NOT_OFFERED',
      issues: [{ path: ['amountCents'] }],
    });
    expect(await refundedCents(caseId)).toBe(0);
    expect(await ledgerOf(caseId)).toEqual([]);
  });

  it('adds partial refunds up to what the decision allows, then refuses the next cent saying what is left', async () => {
    const { caseId, staff } = await moneyCase(db, { refundableCents: 10_000, paymentMethod: null });
    for (const amountCents of [2_500, 2_500, 4_000]) {
      const { entry } = await issueRefund(ctx, staff, { caseId, amountCents });
      expect(entry).toMatchObject({ kind: 'partial_refund', method: 'original_payment_method' });
    }
    const refused = issueRefund(ctx, staff, { caseId, amountCents: 1_001 });
    await expect(refused).rejects.toMatchObject({
      code: 'OVER_REFUND',
      message: expect.stringContaining('1000 USD cents left to refund'),
      issues: [{ path: ['amountCents'] }],
    });
    const { entry } = await issueRefund(ctx, staff, { caseId, amountCents: 1_000 });
    expect(entry.kind).toBe('partial_refund');
    await expect(issueRefund(ctx, staff, { caseId, amountCents: 1 })).rejects.toMatchObject({ code: 'OVER_REFUND' });
    expect(await refundedCents(caseId)).toBe(10_000);
    expect((await ledgerOf(caseId)).map((e) => e.amountCents)).toEqual([2_500, 2_500, 4_000, 1_000]);
  });

  it('leaves no ledger entry and no audit row behind a refused refund', async () => {
    const { caseId, staff } = await moneyCase(db, { refundableCents: 500 });
    await expect(issueRefund(ctx, staff, { caseId, amountCents: 501 })).rejects.toMatchObject({ code: 'OVER_REFUND' });
    expect(await ledgerOf(caseId)).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.caseId, caseId))).toEqual([]);
    expect(await refundedCents(caseId)).toBe(0);
  });

  it('refuses a case no decision has given money to, an unknown case, and amounts that are not whole cents', async () => {
    const { caseId, staff } = await moneyCase(db, { refundableCents: null });
    await expect(issueRefund(ctx, staff, { caseId, amountCents: 100 })).rejects.toMatchObject({
      code: 'OVER_REFUND',
      message: expect.stringContaining('nothing is refundable'),
    });
    await expect(issueRefund(ctx, staff, { caseId: 'nope', amountCents: 100 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    for (const amountCents of [0, -5, 12.5, Number.NaN, 2 ** 31])
      await expect(issueRefund(ctx, staff, { caseId, amountCents }), String(amountCents)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        issues: [{ path: ['amountCents'] }],
      });
  });

  it('lets only the shop’s own staff refund: a customer is forbidden, another shop’s agent is forbidden too', async () => {
    const { caseId, shopId, orderId } = await moneyCase(db);
    const customer = { role: 'customer', shopId, orderIds: [orderId], email: 'ana@example.com' } as const;
    await expect(issueRefund(ctx, customer, { caseId, amountCents: 100 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(issueRefund(ctx, agentOf('another-shop'), { caseId, amountCents: 100 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await issueRefund(ctx, { role: 'owner', shopId: '*', name: 'dev' }, { caseId, amountCents: 100 });
    expect(await refundedCents(caseId)).toBe(100);
  });

  it('books exactly one of 20 simultaneous full refunds under different keys; the 19 others are OVER_REFUND', async () => {
    const { caseId, shopId, staff } = await moneyCase(db, { refundableCents: 10_000 });
    const clicks = 20;
    // On PostgreSQL every request has claimed its key and holds a transaction
    // before any refund is booked, so all 20 queue on the case_money row lock.
    // PGlite has one connection and runs them in turn.
    let arrived = 0;
    let allArrived: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      allArrived = resolve;
    });
    const results = await Promise.allSettled(
      Array.from({ length: clicks }, (_, i) =>
        withIdempotency(
          ctx,
          { shopId, key: `click-${i}`, route: 'refund', requestHash: hashRequest({ caseId, amountCents: 10_000 }) },
          async (inTx) => {
            if (kind === 'postgres') {
              await inTx.db.execute(sql`select 1`);
              if (++arrived === clicks) allArrived();
              await barrier;
            }
            return { status: 201, body: await issueRefund(inTx, staff, { caseId, amountCents: 10_000 }) };
          },
        ),
      ),
    );
    const booked = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(booked).toHaveLength(1);
    expect(refused).toHaveLength(clicks - 1);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(DomainError);
      expect(reason).toMatchObject({ code: 'OVER_REFUND', message: expect.stringContaining('the 0 USD cents left') });
    }
    expect(await refundedCents(caseId)).toBe(10_000);
    expect(await ledgerOf(caseId)).toHaveLength(1);
  });
});
