import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { bytea, oneOf } from './columns.ts';
import { messages } from './messages.ts';

/** Photos and PDFs a message may carry (a receipt, a photo of the damage). */
export const ATTACHMENT_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/** The largest attachment, 10 MiB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file attached to a message, stored in the database with its declared size checked against its bytes. */
export const attachments = pgTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    messageId: text('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type', { enum: ATTACHMENT_CONTENT_TYPES }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [
    index('attachments_message_idx').on(t.messageId),
    check('attachments_content_type_allowed', oneOf(t.contentType, ATTACHMENT_CONTENT_TYPES)),
    check('attachments_size_within_limit', sql`${t.sizeBytes} between 0 and ${sql.raw(String(MAX_ATTACHMENT_BYTES))}`),
    check('attachments_size_matches_data', sql`octet_length(${t.data}) = ${t.sizeBytes}`),
  ],
);
