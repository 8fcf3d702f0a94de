import { check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { oneOf, timestamptz } from './columns.ts';

/** Who wrote a message: the customer, the shop's staff, or Loupe itself. */
export const AUTHOR_KINDS = ['customer', 'agent', 'system'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

/** One message of a case's conversation. */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    authorKind: text('author_kind', { enum: AUTHOR_KINDS }).notNull(),
    author: text('author').notNull(),
    body: text('body').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    index('messages_case_idx').on(t.caseId, t.createdAt),
    check('messages_author_kind_known', oneOf(t.authorKind, AUTHOR_KINDS)),
  ],
);
