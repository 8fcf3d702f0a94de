import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { giftCards, ledgerEntries } from '../../storage/schema/index.ts';
import { withIdempotency } from '../with-idempotency.ts';
import { getGiftCard } from './get-gift-card.ts';
import { issueStoreCredit } from './issue-store-credit.ts';
import { spendGiftCard } from './spend-gift-card.ts';
import { agentOf, fixtureContext, moneyCase } from './test-fixtures.ts';

const { db, kind } = await testDatabase();
const ctx = fixtureContext(db);

/** A gift card of `cents` issued on a fresh case, and the staff of its shop. */
async function giftCardOf(cents: number) {
  const c = await moneyCase(db, { refundableCents: cents });
  const { giftCard } = await issueStoreCredit(ctx, c.staff, { caseId: c.caseId, amountCents: cents });
  return { ...c, code: giftCard.code };
}

describe(`gift cards on ${kind}`, () => {
  it('spends a balance down to zero, then refuses with INSUFFICIENT_BALANCE saying what is left', async () => {
    const { code, staff } = await giftCardOf(5_000);
    expect((await spendGiftCard(ctx, staff, { code, amountCents: 3_000 })).giftCard.balanceCents).toBe(2_000);
    await expect(spendGiftCard(ctx, staff, { code, amountCents: 2_001 })).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
      message: expect.stringContaining('balance of 2000 USD cents'),
      issues: [{ path: ['amountCents'] }],
    });
    const last = await spendGiftCard(ctx, staff, { code, amountCents: 2_000, reference: 'order 1042' });
    expect(last.giftCard.balanceCents).toBe(0);
    expect(last.entry).toMatchObject({ kind: 'gift_card_spend', amountCents: 2_000, reference: 'order 1042' });
    await expect(spendGiftCard(ctx, staff, { code, amountCents: 1 })).rejects.toMatchObject({
      code: 'INSUFFICIENT_BALANCE',
    });
    expect(await getGiftCard(ctx, code)).toMatchObject({ initialCents: 5_000, balanceCents: 0 });
  });

  it('reads a balance by the code as a person types it, and answers NOT_FOUND or INVALID_INPUT otherwise', async () => {
    const { code, shopId } = await giftCardOf(1_234);
    expect(await getGiftCard(ctx, code.toLowerCase().replaceAll('-', ' '))).toEqual({
      code,
      shopId,
      currency: 'USD',
      initialCents: 1_234,
      balanceCents: 1_234,
      createdAt: expect.any(Date),
    });
    await expect(getGiftCard(ctx, '0000-0000-0000-0000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getGiftCard(ctx, 'not a code')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('lets only the card’s shop spend it', async () => {
    const { code, shopId, orderId } = await giftCardOf(1_000);
    await expect(spendGiftCard(ctx, agentOf('elsewhere'), { code, amountCents: 10 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const customer = { role: 'customer', shopId, orderIds: [orderId], email: 'ana@example.com' } as const;
    await expect(spendGiftCard(ctx, customer, { code, amountCents: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('never goes below zero when 20 spends race: exactly what fits is spent', async () => {
    const { code, caseId, shopId, staff } = await giftCardOf(10_000);
    // On PostgreSQL all 20 hold a transaction before any spends, so they queue on the card's row lock.
    let arrived = 0;
    let allArrived: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      allArrived = resolve;
    });
    const spends = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        withIdempotency(ctx, { shopId, key: `spend-${i}`, route: 'spend', requestHash: 'h' }, async (inTx) => {
          if (kind === 'postgres') {
            await inTx.db.execute(sql`select 1`);
            if (++arrived === 20) allArrived();
            await barrier;
          }
          return { status: 201, body: await spendGiftCard(inTx, staff, { code, amountCents: 1_500 }) };
        }),
      ),
    );
    const refused = spends.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
    expect(spends.filter((s) => s.status === 'fulfilled')).toHaveLength(6);
    expect(refused).toHaveLength(14);
    for (const reason of refused) expect(reason).toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    const [card] = await db.select().from(giftCards).where(eq(giftCards.code, code));
    expect(card?.balanceCents).toBe(1_000);
    const [spent] = await db
      .select({ total: sql<number>`sum(${ledgerEntries.amountCents})::int` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.caseId, caseId), eq(ledgerEntries.kind, 'gift_card_spend')));
    expect(spent?.total).toBe(9_000);
  });
});
