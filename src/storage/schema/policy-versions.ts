import { jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { timestamptz } from './columns.ts';
import { shops } from './shops.ts';

/**
 * Every version of a shop's policy, as uploaded (YAML) and as parsed. A case is
 * decided under the version in force when its order was placed: the latest
 * `effective_from` at or before `orders.placed_at`.
 */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    version: text('version').notNull(),
    sourceYaml: text('source_yaml').notNull(),
    policy: jsonb('policy').$type<Policy>().notNull(),
    effectiveFrom: timestamptz('effective_from').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    unique('policy_versions_shop_version_unique').on(t.shopId, t.version),
    // Two versions taking effect at the same instant would leave "the version in force" undecided.
    unique('policy_versions_shop_effective_from_unique').on(t.shopId, t.effectiveFrom),
  ],
);
