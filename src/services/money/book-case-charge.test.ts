import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/database.ts';
import { auditLog, caseMoney } from '../../storage/schema/index.ts';
import { chargeCustomer } from './charge-customer.ts';
import { getCaseLedger } from './get-case-ledger.ts';
import { issueRefund } from './issue-refund.ts';
import { issueStoreCredit } from './issue-store-credit.ts';
import { recordRestockingFee } from './record-restocking-fee.ts';
import { fixtureContext, moneyCase } from './test-fixtures.ts';

const { db, kind } = await testDatabase();
const ctx = fixtureContext(db);

describe(`charges and the ledger on ${kind}`, () => {
  it('books a repair charge and a restocking fee without touching the refund cap', async () => {
    const { caseId, staff } = await moneyCase(db, { refundableCents: 10_000 });
    const charge = await chargeCustomer(ctx, staff, { caseId, amountCents: 4_500, reason: 'repair materials' });
    expect(charge.entry).toMatchObject({ kind: 'charge', amountCents: 4_500, reference: 'repair materials' });
    const fee = await recordRestockingFee(ctx, staff, { caseId, amountCents: 1_000, reason: '10% restocking fee' });
    expect(fee.entry).toMatchObject({ kind: 'restocking_fee', amountCents: 1_000 });
    const [money] = await db.select().from(caseMoney).where(eq(caseMoney.caseId, caseId));
    expect(money?.refundedCents).toBe(0);
    await issueRefund(ctx, staff, { caseId, amountCents: 10_000 });
    const actions = (await db.select().from(auditLog).where(eq(auditLog.caseId, caseId))).map((a) => a.action);
    expect(actions).toEqual(['charge_customer', 'record_restocking_fee', 'issue_refund']);
  });

  it('charges a case with no money row in its order’s currency', async () => {
    const { caseId, staff } = await moneyCase(db, { refundableCents: null, currency: 'HKD' });
    const { entry } = await chargeCustomer(ctx, staff, { caseId, amountCents: 800, reason: 'reshipping' });
    expect(entry.currency).toBe('HKD');
  });

  it('sums a case’s ledger: allowed, refunded or credited, left, charged, and every entry in order', async () => {
    const { caseId, staff } = await moneyCase(db, { refundableCents: 10_000 });
    await issueRefund(ctx, staff, { caseId, amountCents: 3_000 });
    await issueStoreCredit(ctx, staff, { caseId, amountCents: 2_000 });
    await chargeCustomer(ctx, staff, { caseId, amountCents: 700, reason: 'reshipping' });
    const ledger = await getCaseLedger(ctx, staff, caseId);
    expect(ledger).toMatchObject({
      caseId,
      currency: 'USD',
      refundableCents: 10_000,
      refundedCents: 5_000,
      leftToRefundCents: 5_000,
      chargedCents: 700,
    });
    expect(ledger.entries.map((e) => [e.kind, e.amountCents])).toEqual([
      ['partial_refund', 3_000],
      ['store_credit', 2_000],
      ['charge', 700],
    ]);
  });

  it('answers NOT_FOUND for a case that does not exist', async () => {
    const { staff } = await moneyCase(db);
    await expect(getCaseLedger(ctx, staff, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(chargeCustomer(ctx, staff, { caseId: 'nope', amountCents: 1, reason: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
