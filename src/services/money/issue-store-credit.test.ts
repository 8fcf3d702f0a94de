import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { auditLog, giftCards } from '../../storage/schema/index.ts';
import { issueRefund } from './issue-refund.ts';
import { issueStoreCredit } from './issue-store-credit.ts';
import { fixtureContext, moneyCase } from './test-fixtures.ts';

const { db, kind } = await testDatabase();
const ctx = fixtureContext(db);

describe(`issueStoreCredit on ${kind}`, () => {
  it('issues a gift card with a random code, worth the amount, booked as store credit naming the code', async () => {
    const { caseId, staff } = await moneyCase(db, { refundableCents: 8_000, currency: 'EUR' });
    const { giftCard, entry, caseMoney } = await issueStoreCredit(ctx, staff, { caseId, amountCents: 8_000 });
    expect(giftCard.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(giftCard).toMatchObject({ currency: 'EUR', initialCents: 8_000, balanceCents: 8_000 });
    expect(entry).toMatchObject({
      kind: 'store_credit',
      amountCents: 8_000,
      method: 'gift_card',
      reference: giftCard.code,
    });
    expect(caseMoney).toMatchObject({ refundedCents: 8_000, leftToRefundCents: 0 });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.caseId, caseId));
    expect(audit?.detail).toMatchObject({ giftCard: `****-****-****-${giftCard.code.slice(-4)}` });
    expect(JSON.stringify(audit)).not.toContain(giftCard.code);
  });

  it('counts against what the case may get back, as a refund does', async () => {
    const { caseId, staff } = await moneyCase(db, { refundableCents: 10_000 });
    await issueStoreCredit(ctx, staff, { caseId, amountCents: 6_000 });
    await expect(issueRefund(ctx, staff, { caseId, amountCents: 4_001 })).rejects.toMatchObject({
      code: 'OVER_REFUND',
    });
    await expect(issueStoreCredit(ctx, staff, { caseId, amountCents: 4_001 })).rejects.toMatchObject({
      code: 'OVER_REFUND',
      message: expect.stringContaining('4000 USD cents left'),
    });
    await issueRefund(ctx, staff, { caseId, amountCents: 4_000 });
    expect(await db.select().from(giftCards).where(eq(giftCards.caseId, caseId))).toHaveLength(1);
  });

  it('draws another code when the first is taken, and never reuses one', async () => {
    const first = await moneyCase(db);
    const taken = (await issueStoreCredit(ctx, first.staff, { caseId: first.caseId, amountCents: 100 })).giftCard.code;
    const draws = [taken, taken, 'Q000-0000-0000-0001'];
    const second = await moneyCase(db);
    const { giftCard } = await issueStoreCredit(
      ctx,
      second.staff,
      { caseId: second.caseId, amountCents: 200 },
      () => draws.shift() ?? 'unused',
    );
    expect(giftCard.code).toBe('Q000-0000-0000-0001');
    const [original] = await db.select().from(giftCards).where(eq(giftCards.code, taken));
    expect(original).toMatchObject({ caseId: first.caseId, balanceCents: 100 });
  });
});
