import type { FastifyInstance } from 'fastify';
import type { DeskDeps } from '../../auth.ts';
import { chargeCaseRoute } from './charge-case.ts';
import { getCaseLedgerRoute } from './get-case-ledger.ts';
import { getGiftCardRoute } from './get-gift-card.ts';
import { issueRefundRoute } from './issue-refund.ts';
import { issueStoreCreditRoute } from './issue-store-credit.ts';
import { spendGiftCardRoute } from './spend-gift-card.ts';

/** What the money routes need: the services' context (database, clock, ids) and the server's authentication. */
export type MoneyRouteDeps = DeskDeps;

/** The OpenAPI tag of the money routes. */
export const MONEY_TAG = { name: 'money', description: 'Refunds, store credit, gift cards, charges and the ledger' };

/**
 * Registers the money API under /api/v1: refunds, store credit, charges and a
 * case's ledger (staff), a gift card's balance (whoever holds the code) and
 * spending it (staff). Every creating POST takes an `Idempotency-Key`.
 * Without deps (a server with no database) the routes are documented but
 * answer 500.
 */
export function registerMoneyRoutes(app: FastifyInstance, deps: MoneyRouteDeps | undefined): void {
  for (const route of [
    issueRefundRoute,
    issueStoreCreditRoute,
    chargeCaseRoute,
    getCaseLedgerRoute,
    getGiftCardRoute,
    spendGiftCardRoute,
  ])
    app.register(route, { deps });
}
