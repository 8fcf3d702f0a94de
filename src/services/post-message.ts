import { DomainError } from '../domain/errors.ts';
import { transaction } from '../storage/database.ts';
import { appendAudit } from '../storage/repositories/audit-log.ts';
import { type AttachmentRow, insertMessage, listMessages } from '../storage/repositories/messages.ts';
import {
  ATTACHMENT_CONTENT_TYPES,
  type AttachmentContentType,
  MAX_ATTACHMENT_BYTES,
} from '../storage/schema/attachments.ts';
import { authorKindOf, authorNameOf } from './author-kind.ts';
import { type MessageView, toMessageView } from './case-view.ts';
import { findCaseFor } from './find-case-for.ts';
import { mailCareMessage } from './mail/mail-care-message.ts';
import { type Actor, describeActor, type ServiceContext } from './service-context.ts';

/** The most files one message may carry. */
export const MAX_ATTACHMENTS = 10;

/** A file as a client sends it: a name, a type, and the bytes in base64. */
export type AttachmentInput = { filename: string; contentType: string; data: string };

/** A message to a case's conversation. */
export type PostMessageInput = { caseId: string; body: string; attachments?: AttachmentInput[] | undefined };

const refuse = (path: (string | number)[], message: string) =>
  new DomainError('INVALID_INPUT', `${path.join('.').replace(/\.(\d+)/g, '[$1]')}: ${message}`, [
    { code: 'invalid_attachment', path, message },
  ]);

/** Checks each file against the limits (photos and PDF, 10 MiB) and decodes it. */
function readAttachments(files: AttachmentInput[], messageId: string, newId: () => string): AttachmentRow[] {
  if (files.length > MAX_ATTACHMENTS) {
    throw refuse(['attachments'], `at most ${MAX_ATTACHMENTS} files per message`);
  }
  return files.map((file, i) => {
    if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(file.contentType)) {
      throw refuse(
        ['attachments', i, 'contentType'],
        `"${file.contentType}" is not accepted: send ${ATTACHMENT_CONTENT_TYPES.join(', ')}`,
      );
    }
    const data = Buffer.from(file.data, 'base64');
    if (data.byteLength > MAX_ATTACHMENT_BYTES) {
      throw refuse(
        ['attachments', i, 'data'],
        `${data.byteLength} bytes is over the limit of ${MAX_ATTACHMENT_BYTES} bytes (10 MiB)`,
      );
    }
    if (data.byteLength === 0) throw refuse(['attachments', i, 'data'], 'the file is empty');
    return {
      id: newId(),
      messageId,
      filename: file.filename,
      contentType: file.contentType as AttachmentContentType,
      sizeBytes: data.byteLength,
      data,
    };
  });
}

/**
 * Adds a message, with photos or PDFs, to a case's conversation: the
 * customer of its order or the shop's staff. Files outside the limits are
 * refused naming the field; nothing is stored then. Audited.
 */
export async function postMessage(ctx: ServiceContext, actor: Actor, input: PostMessageInput): Promise<MessageView> {
  const id = ctx.newId();
  const files = readAttachments(input.attachments ?? [], id, ctx.newId);
  const now = ctx.now();
  return transaction(ctx.db, async (tx) => {
    const row = await findCaseFor(tx, actor, input.caseId);
    await insertMessage(
      tx,
      {
        id,
        caseId: row.id,
        authorKind: authorKindOf(actor),
        author: authorNameOf(actor),
        body: input.body,
        createdAt: now,
      },
      files,
    );
    await appendAudit(tx, [
      {
        shopId: row.shopId,
        caseId: row.id,
        actor: describeActor(actor),
        action: 'post_message',
        fromState: row.state,
        toState: row.state,
        policyVersionId: row.policyVersionId,
        detail: { messageId: id, attachments: files.length },
        at: now,
      },
    ]);
    if (actor.role === 'agent' || actor.role === 'owner') {
      // A message from the shop's staff goes to the customer by mail too.
      const attachments = files.map((f) => f.filename);
      await mailCareMessage(tx, ctx, { caseId: row.id, id, body: input.body, attachments });
    }
    const posted = (await listMessages(tx, row.id)).find((m) => m.id === id);
    if (!posted) throw new Error('the message just stored is missing');
    return toMessageView(posted);
  });
}
