import { and, asc, eq, inArray } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { attachments, messages } from '../schema/index.ts';

/** A message of a case's conversation as stored. */
export type MessageRow = typeof messages.$inferSelect;
/** A file attached to a message, with its bytes. */
export type AttachmentRow = typeof attachments.$inferSelect;
/** What a conversation shows of an attachment: no bytes. */
export type AttachmentSummary = Omit<AttachmentRow, 'data'>;
/** A message with what is attached to it. */
export type MessageWithAttachments = MessageRow & { attachments: AttachmentSummary[] };

/** Stores a message and its attachments. */
export async function insertMessage(
  db: LoupeDatabase,
  message: MessageRow,
  files: AttachmentRow[] = [],
): Promise<void> {
  await db.insert(messages).values(message);
  if (files.length > 0) await db.insert(attachments).values(files);
}

/** A case's conversation, oldest first, with attachments named but not loaded. */
export async function listMessages(db: LoupeDatabase, caseId: string): Promise<MessageWithAttachments[]> {
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.caseId, caseId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  if (rows.length === 0) return [];
  const files = await db
    .select({
      id: attachments.id,
      messageId: attachments.messageId,
      filename: attachments.filename,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
    })
    .from(attachments)
    .where(
      inArray(
        attachments.messageId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(attachments.filename));
  return rows.map((r) => ({ ...r, attachments: files.filter((f) => f.messageId === r.id) }));
}

/** One attachment of a case, with its bytes. */
export async function findAttachment(
  db: LoupeDatabase,
  caseId: string,
  attachmentId: string,
): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select({ attachment: attachments })
    .from(attachments)
    .innerJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(eq(attachments.id, attachmentId), eq(messages.caseId, caseId)));
  return row?.attachment;
}
