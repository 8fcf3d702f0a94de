import { DomainError } from '../domain/errors.ts';
import { transaction } from '../storage/database.ts';
import { type AttachmentRow, findAttachment } from '../storage/repositories/messages.ts';
import { findCaseFor } from './find-case-for.ts';
import type { Actor, ServiceContext } from './service-context.ts';

/** One file of a case's conversation, with its bytes, for the case's customer or the shop's staff. */
export async function getAttachment(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  attachmentId: string,
): Promise<AttachmentRow> {
  return transaction(ctx.db, async (tx) => {
    await findCaseFor(tx, actor, caseId);
    const file = await findAttachment(tx, caseId, attachmentId);
    if (file) return file;
    throw new DomainError('NOT_FOUND', `attachmentId: the case has no attachment ${attachmentId}`, [
      { code: 'not_found', path: ['attachmentId'], message: 'no such attachment on this case' },
    ]);
  });
}
