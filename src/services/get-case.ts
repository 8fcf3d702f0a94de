import { transaction } from '../storage/database.ts';
import { type CaseView, readCaseView } from './case-view.ts';
import { findCaseFor } from './find-case-for.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** One case with its decision, reasons, money, audit trail, conversation and the actions open to the caller. */
export async function getCase(ctx: ServiceContext, actor: Actor, caseId: string): Promise<CaseView> {
  return transaction(ctx.db, async (tx) => readCaseView(tx, await findCaseFor(tx, actor, caseId), actor, ctx.now()));
}
