import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, jsonb, pgSequence, pgTable, text, unique } from 'drizzle-orm/pg-core';
import type { Request, RequestType } from '../../domain/contract/case.schema.ts';
import type { Decision, Outcome } from '../../domain/contract/decision.schema.ts';
import { timestamptz } from './columns.ts';
import { orders } from './orders.ts';
import { policyVersions } from './policy-versions.ts';
import { shops } from './shops.ts';

/** A request of the contract's types, or a general inquiry that asks for no decision. */
export type CaseType = RequestType | 'inquiry';

/**
 * One customer request and the conversation around it. `state` belongs to the
 * case lifecycle (the transition table in the domain), so the database keeps it
 * as text; `revision` grows by one on every change, for optimistic concurrency
 * (`update ... where revision = $seen`).
 */
/**
 * Case numbers come from one sequence: unique, never reused, and taken without
 * a lock, so opening cases in one shop never waits for another opening (a
 * per-shop counter serialized them: 3% of pgbench's rate, see BENCHMARKS.md).
 */
export const caseNumbers = pgSequence('case_number_seq', { startWith: 1001 });

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    orderId: text('order_id').references((): AnyPgColumn => orders.id),
    number: integer('number').notNull(),
    type: text('type').$type<CaseType>().notNull(),
    state: text('state').notNull(),
    request: jsonb('request').$type<Request>(),
    decision: jsonb('decision').$type<Decision>(),
    outcome: text('outcome').$type<Outcome>(),
    policyVersionId: text('policy_version_id').references(() => policyVersions.id),
    authorizationNumber: text('authorization_number'),
    returnAddress: text('return_address'),
    shipBy: timestamptz('ship_by'),
    returnTrackingNumber: text('return_tracking_number'),
    respondsBy: timestamptz('responds_by'),
    resolutionBy: timestamptz('resolution_by'),
    repairQuoteCents: integer('repair_quote_cents'),
    createdAt: timestamptz('created_at').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    unique('cases_shop_number_unique').on(t.shopId, t.number),
    unique('cases_shop_authorization_number_unique').on(t.shopId, t.authorizationNumber),
    // The inbox: a shop's cases in a state, the most urgent first. A shop's cases by any other
    // order find them through it or cases_shop_number_unique (a second (shop, responds_by) index went, decision 017).
    index('cases_inbox_idx').on(t.shopId, t.state, t.respondsBy),
    index('cases_order_idx').on(t.orderId),
    check('cases_number_positive', sql`${t.number} >= 1`),
    check('cases_revision_not_negative', sql`${t.revision} >= 0`),
    check('cases_repair_quote_not_negative', sql`${t.repairQuoteCents} >= 0`),
    // A decision is only ever stored with the policy version that made it.
    check('cases_decision_names_policy_version', sql`${t.decision} is null or ${t.policyVersionId} is not null`),
  ],
);
