import { transaction } from '../storage/database.ts';
import { listMessages as readMessages } from '../storage/repositories/messages.ts';
import { type MessageView, toMessageView } from './case-view.ts';
import { findCaseFor } from './find-case-for.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** A case's conversation, oldest first, for its customer or the shop's staff. */
export async function listMessages(ctx: ServiceContext, actor: Actor, caseId: string): Promise<MessageView[]> {
  return transaction(ctx.db, async (tx) => {
    const row = await findCaseFor(tx, actor, caseId);
    return (await readMessages(tx, row.id)).map(toMessageView);
  });
}
