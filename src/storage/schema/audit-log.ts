import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { timestamptz } from './columns.ts';

/**
 * Who did what, when, from which state to which, under which policy version.
 * Append-only. `shop_id` and `policy_version_id` name rows without a foreign
 * key (decision 017): each entry is written with the case change it records,
 * whose case row references the same shop and version, and shops and versions
 * are never deleted; a key here took a key-share lock on the same hot shop and
 * version rows for every case opened.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id').notNull(),
    caseId: text('case_id').references(() => cases.id),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    policyVersionId: text('policy_version_id'),
    detail: jsonb('detail'),
    at: timestamptz('at').notNull(),
  },
  (t) => [index('audit_log_case_idx').on(t.caseId, t.id), index('audit_log_shop_at_idx').on(t.shopId, t.at)],
);
