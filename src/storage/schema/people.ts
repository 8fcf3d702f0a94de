import { sql } from 'drizzle-orm';
import { check, index, pgTable, text } from 'drizzle-orm/pg-core';
import { oneOf, timestamptz } from './columns.ts';
import { orders } from './orders.ts';
import { shops } from './shops.ts';

/** A staff member's role: an owner also publishes policies and adds agents. */
export const STAFF_ROLES = ['owner', 'agent'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * A staff member who signs in with an email and a password (argon2id hash).
 * One account serves one shop (`shop_id`), or every shop when it is null
 * (the instance owner `loupe serve` creates at first start).
 */
export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique('staff_accounts_email_unique'),
    name: text('name').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    shopId: text('shop_id').references(() => shops.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    check('staff_accounts_role_known', oneOf(t.role, STAFF_ROLES)),
    check('staff_accounts_email_lower_case', sql`${t.email} = lower(${t.email})`),
  ],
);

/** Who a session is for: a staff account, or a customer of a shop. */
export const SESSION_KINDS = ['staff', 'customer'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * A signed-in browser: the SHA-256 of its cookie's token (the token itself is
 * never stored), until `expires_at`. A customer session covers one order
 * (`order_id`, from its number and email) or, from a sign-in link, every
 * order of `customer_email` in `shop_id` (`order_id` null).
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique('sessions_token_hash_unique'),
    kind: text('kind', { enum: SESSION_KINDS }).notNull(),
    staffId: text('staff_id').references(() => staffAccounts.id, { onDelete: 'cascade' }),
    shopId: text('shop_id').references(() => shops.id),
    customerEmail: text('customer_email'),
    orderId: text('order_id').references(() => orders.id),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
  },
  (t) => [
    index('sessions_expires_at_idx').on(t.expiresAt),
    check('sessions_kind_known', oneOf(t.kind, SESSION_KINDS)),
    check(
      'sessions_kind_has_subject',
      sql`(${t.kind} = 'staff' and ${t.staffId} is not null) or (${t.kind} = 'customer' and ${t.shopId} is not null and ${t.customerEmail} is not null)`,
    ),
  ],
);

/**
 * A one-time sign-in link mailed to a customer: the SHA-256 of its token,
 * the shop and email it signs in as, until `expires_at`; `used_at` once
 * exchanged for a session (a link works once).
 */
export const signInLinks = pgTable(
  'sign_in_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    email: text('email').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
  },
  (t) => [index('sign_in_links_expires_at_idx').on(t.expiresAt)],
);
