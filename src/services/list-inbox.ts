import type { CaseState } from '../domain/cases/case-states.ts';
import type { Outcome } from '../domain/contract/decision.schema.ts';
import { transaction } from '../storage/database.ts';
import { listInbox as readInbox } from '../storage/repositories/cases.ts';
import type { CaseType } from '../storage/schema/cases.ts';
import { assertStaffOf } from './assert-access.ts';
import { DUE_RULES, type DueKind, dueOf, OPEN_STATES } from './case-due.ts';
import { caseReference } from './case-reference.ts';
import { findShopOrThrow } from './find-shop-or-throw.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** Which of a shop's cases to list: a state (default: every open one), a type, only overdue ones; at most `limit`. */
export type InboxFilter = {
  shopId: string;
  state?: CaseState | undefined;
  type?: CaseType | undefined;
  overdue?: boolean | undefined;
  limit?: number | undefined;
};

/** A case in the inbox: what it is, where it stands, and what is due by when. */
export type InboxItem = {
  id: string;
  reference: string;
  type: CaseType;
  state: CaseState;
  outcome: Outcome | null;
  orderNumber: string | null;
  revision: number;
  due: { kind: DueKind; at: string } | null;
  overdue: boolean;
  deadlines: { respondsBy: string | null; shipBy: string | null; resolutionBy: string | null };
  createdAt: string;
  updatedAt: string;
};

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * A shop's cases ordered by what is due: the shop's reply, the customer's
 * ship-back, or the shop's resolution, whichever the case's state waits on;
 * cases past it flagged overdue at the context's clock. Staff of the shop.
 */
export async function listInbox(ctx: ServiceContext, actor: Actor, filter: InboxFilter): Promise<InboxItem[]> {
  assertStaffOf(actor, filter.shopId);
  const now = ctx.now();
  return transaction(ctx.db, async (tx) => {
    await findShopOrThrow(tx, filter.shopId);
    const rows = await readInbox(tx, {
      shopId: filter.shopId,
      due: DUE_RULES,
      states: filter.state ? [filter.state] : OPEN_STATES,
      type: filter.type,
      overdueAt: filter.overdue ? now : undefined,
      limit: filter.limit ?? 100,
    });
    const items = rows.map((r): InboxItem => {
      const due = dueOf(r, now);
      return {
        id: r.id,
        reference: caseReference(r.shopId, r.number),
        type: r.type,
        state: r.state as CaseState,
        outcome: r.outcome,
        orderNumber: r.orderNumber,
        revision: r.revision,
        due: due && { kind: due.kind, at: due.at.toISOString() },
        overdue: due?.overdue ?? false,
        deadlines: { respondsBy: iso(r.respondsBy), shipBy: iso(r.shipBy), resolutionBy: iso(r.resolutionBy) },
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      };
    });
    return filter.overdue === false ? items.filter((i) => !i.overdue) : items;
  });
}
