import { DomainError } from '../../domain/errors.ts';
import { transaction } from '../../storage/database.ts';
import { findCase } from '../../storage/repositories/cases.ts';
import { listCaseLedger } from '../../storage/repositories/money-ledger.ts';
import { assertMayAccessOrder } from '../assert-access.ts';
import type { Actor, ServiceContext } from '../service-context.ts';

/** Money a case gave the customer: a refund to how they paid, or store credit as a gift card with its code. */
export type IssuedMoney = {
  kind: 'refund' | 'partial_refund' | 'store_credit';
  amountCents: number;
  currency: string;
  method: string | null;
  /** Store credit: the code to spend it with (the one mailed to the customer); null for a refund. */
  giftCardCode: string | null;
  issuedAt: string;
};

const GIVEN = new Set(['refund', 'partial_refund', 'store_credit']);

/**
 * What a case has given back, for its customer and the shop's staff: only the
 * money that went to the customer (not fees, charges or what a card paid for),
 * and for store credit the code, which is theirs to spend.
 */
export async function listIssuedMoney(ctx: ServiceContext, actor: Actor, caseId: string): Promise<IssuedMoney[]> {
  return transaction(ctx.db, async (tx) => {
    const row = await findCase(tx, caseId);
    if (!row) {
      throw new DomainError('NOT_FOUND', `no case ${caseId}`, [
        { code: 'not_found', path: ['id'], message: 'no such case' },
      ]);
    }
    assertMayAccessOrder(actor, { shopId: row.shopId, orderId: row.orderId });
    const entries = await listCaseLedger(tx, caseId);
    return entries
      .filter((e) => GIVEN.has(e.kind))
      .map((e) => ({
        kind: e.kind as IssuedMoney['kind'],
        amountCents: e.amountCents,
        currency: e.currency,
        method: e.method,
        giftCardCode: e.kind === 'store_credit' ? e.reference : null,
        issuedAt: e.createdAt.toISOString(),
      }));
  });
}
