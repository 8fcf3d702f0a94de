import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';
import { shops } from './shops.ts';

/**
 * The first answer to each `Idempotency-Key`, per shop. A row is claimed with
 * no status before the work and completed in the same transaction, so a retry
 * either waits for it or gets the stored answer; a different request under the
 * same key is told apart by `request_hash`. A key lives 24 hours from
 * `created_at` (repositories/idempotency-keys.ts); the index serves the purge.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pk', columns: [t.shopId, t.key] }),
    index('idempotency_keys_created_at_idx').on(t.createdAt),
  ],
);
