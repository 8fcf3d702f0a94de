import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { oneOf, timestamptz } from './columns.ts';
import { messages } from './messages.ts';
import { shops } from './shops.ts';

/** What a mail to a customer reports: one template per event (src/mail/templates/). */
export const MAIL_EVENTS = [
  'request_received',
  'decision',
  'return_instructions',
  'ship_back_reminder',
  'goods_received',
  'case_resolved',
  'refund_issued',
  'store_credit_issued',
  'care_message',
  'sign_in_link',
] as const;
export type MailEvent = (typeof MAIL_EVENTS)[number];

/**
 * Where an outgoing mail stands: waiting (`pending`, until `next_attempt_at`),
 * claimed by a worker (`sending`, its lease ending at `next_attempt_at`),
 * `sent`, or `failed` for good (the last error kept).
 */
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** How a sent mail left: over SMTP, or kept in the built-in development mailbox (no SMTP_URL). */
export const MAIL_DELIVERIES = ['smtp', 'mailbox'] as const;
export type MailDelivery = (typeof MAIL_DELIVERIES)[number];

/**
 * The transactional outbox: a mail to a customer, written in the transaction
 * of the change it reports (a rollback drops it, a commit keeps it) and sent
 * later by the delivery worker. `dedupe_key` (`case:<id>:<event>:<n>`) makes
 * enqueueing the same mail twice a no-op. `seq` only orders mails written in
 * the same instant (the acknowledgement before the decision). A mail about a
 * case keeps its event and `payload` (the facts of the event) and is rendered
 * when it is sent or shown (decision 017); `subject`, `text` and `html` are
 * kept only for mails rendered when queued (a sign-in link, and mails queued
 * before 017).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    // Null for a mail about no case (a sign-in link).
    caseId: text('case_id').references(() => cases.id),
    event: text('event', { enum: MAIL_EVENTS }).notNull(),
    fromName: text('from_name').notNull(),
    fromAddress: text('from_address').notNull(),
    to: text('to').notNull(),
    replyTo: text('reply_to').notNull(),
    // What the event's template is given, as JSON (src/mail/stored-mail.ts); null when the case tells it all.
    payload: jsonb('payload'),
    subject: text('subject'),
    text: text('text'),
    html: text('html'),
    dedupeKey: text('dedupe_key').notNull().unique('mail_outbox_dedupe_key_unique'),
    status: text('status', { enum: MAIL_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: timestamptz('sent_at'),
    messageId: text('message_id'),
    deliveredVia: text('delivered_via', { enum: MAIL_DELIVERIES }),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [
    // The worker's claim: due mails first, in the order they were written.
    index('mail_outbox_due_idx').on(t.nextAttemptAt, t.seq).where(sql`${t.status} in ('pending', 'sending')`),
    index('mail_outbox_shop_idx').on(t.shopId, t.createdAt),
    index('mail_outbox_case_idx').on(t.caseId),
    check('mail_outbox_event_known', oneOf(t.event, MAIL_EVENTS)),
    check('mail_outbox_status_known', oneOf(t.status, MAIL_STATUSES)),
    // A CHECK on null holds, so an unsent mail passes.
    check('mail_outbox_delivered_via_known', oneOf(t.deliveredVia, MAIL_DELIVERIES)),
    check('mail_outbox_attempts_not_negative', sql`${t.attempts} >= 0`),
    check('mail_outbox_sent_has_time', sql`(${t.status} = 'sent') = (${t.sentAt} is not null)`),
    // Rendered now (all three parts) or when sent (none of them).
    check(
      'mail_outbox_rendered_whole',
      sql`(${t.subject} is null) = (${t.text} is null) and (${t.text} is null) = (${t.html} is null)`,
    ),
  ],
);

/**
 * A case's mail thread: the unguessable token of its reply address
 * (`reply+<token>@…`, the Reply-To of every mail about it) and the customer's
 * address mails go to. A case opened by an email without an order keeps its
 * sender's address only here.
 */
export const mailThreads = pgTable('mail_threads', {
  caseId: text('case_id')
    .primaryKey()
    .references(() => cases.id),
  token: text('token').notNull().unique('mail_threads_token_unique'),
  address: text('address').notNull(),
  createdAt: timestamptz('created_at').notNull(),
});

/**
 * Mails received, by their Message-ID: a sender that retries a mail we
 * already stored (its connection dropped after our commit) adds nothing.
 */
export const mailInbound = pgTable('mail_inbound', {
  messageIdHeader: text('message_id_header').primaryKey(),
  caseId: text('case_id')
    .notNull()
    .references(() => cases.id),
  messageId: text('message_id').references(() => messages.id),
  receivedAt: timestamptz('received_at').notNull(),
});
