import { bigserial, index, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.ts';

/**
 * Attempts that count against a rate limit (failed sign-ins and look-ups, sign-in
 * links asked for), in the database so that every server process on it and a
 * restarted one share the same count. `key` says what was tried from where
 * (`staff:<ip>:<email>`); an attempt counts until `expires_at`, when its window
 * has passed, and is then swept.
 */
export const rateLimitAttempts = pgTable(
  'rate_limit_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    index('rate_limit_attempts_key_idx').on(t.key, t.expiresAt),
    index('rate_limit_attempts_expires_at_idx').on(t.expiresAt),
  ],
);
