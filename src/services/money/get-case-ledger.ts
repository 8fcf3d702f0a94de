import { findMoneyCase } from '../../storage/repositories/money-cases.ts';
import { type LedgerEntry, listCaseLedger } from '../../storage/repositories/money-ledger.ts';
import { assertStaffOf } from '../assert-access.ts';
import type { Actor, ServiceContext } from '../service-context.ts';
import { caseNotFound } from './case-not-found.ts';

/** A case's money: every ledger entry, what its decision allows back, what has gone back, what is left, what was charged. */
export type CaseLedger = {
  caseId: string;
  currency: string | null;
  refundableCents: number;
  refundedCents: number;
  leftToRefundCents: number;
  chargedCents: number;
  entries: LedgerEntry[];
};

/** The case's ledger for its shop's staff. A case no decision has given money to shows a cap of zero. */
export async function getCaseLedger(ctx: ServiceContext, actor: Actor, caseId: string): Promise<CaseLedger> {
  const found = await findMoneyCase(ctx.db, caseId);
  if (!found) throw caseNotFound(caseId);
  assertStaffOf(actor, found.shopId);
  const entries = await listCaseLedger(ctx.db, caseId);
  const refundableCents = found.money?.refundableCents ?? 0;
  const refundedCents = found.money?.refundedCents ?? 0;
  const chargedCents = entries
    .filter((e) => e.kind === 'charge' || e.kind === 'restocking_fee')
    .reduce((sum, e) => sum + e.amountCents, 0);
  return {
    caseId,
    currency: found.money?.currency ?? found.orderCurrency,
    refundableCents,
    refundedCents,
    leftToRefundCents: refundableCents - refundedCents,
    chargedCents,
    entries,
  };
}
