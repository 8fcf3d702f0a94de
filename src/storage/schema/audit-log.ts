import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { timestamptz } from './columns.ts';
import { policyVersions } from './policy-versions.ts';
import { shops } from './shops.ts';

/** Who did what, when, from which state to which, under which policy version. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    caseId: text('case_id').references(() => cases.id),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    policyVersionId: text('policy_version_id').references(() => policyVersions.id),
    detail: jsonb('detail'),
    at: timestamptz('at').notNull(),
  },
  (t) => [index('audit_log_case_idx').on(t.caseId, t.id), index('audit_log_shop_at_idx').on(t.shopId, t.at)],
);
