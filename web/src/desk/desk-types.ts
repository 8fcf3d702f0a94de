import type { paths } from '../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** One row of a shop's inbox. */
export type InboxItem = Json<paths['/api/v1/shops/{id}/inbox']['get']['responses'][200]>[number];
/** The inbox's query: its filters. */
export type InboxQuery = NonNullable<paths['/api/v1/shops/{id}/inbox']['get']['parameters']['query']>;
/** A case as staff see it. */
export type CaseView = Json<paths['/api/v1/cases/{id}']['get']['responses'][200]>;
/** A case's state and type. */
export type CaseState = CaseView['state'];
export type CaseType = CaseView['type'];
/** An action of the case lifecycle. */
export type CaseAction = CaseView['allowedActions'][number];
/** What an action takes. */
export type CaseActionBody = NonNullable<
  paths['/api/v1/cases/{id}/actions/{action}']['post']['requestBody']
>['content']['application/json'];
/** A remedy a decision offers. */
export type Resolution = NonNullable<CaseActionBody['resolution']>;
/** An outcome of a decision. */
export type Outcome = NonNullable<CaseView['outcome']>;
/** A case's ledger. */
export type CaseLedger = Json<paths['/api/v1/cases/{id}/ledger']['get']['responses'][200]>;
/** An order as staff see it. */
export type OrderView = Json<paths['/api/v1/shops/{id}/orders/{number}']['get']['responses'][200]>;

/** Every state, in the lifecycle's order (docs/decisions/007-case-lifecycle.md). */
export const CASE_STATES = [
  'submitted',
  'needs_review',
  'decided_approved',
  'decided_denied',
  'awaiting_return',
  'in_transit',
  'received',
  'inspected',
  'resolved',
  'closed',
  'withdrawn',
  'expired',
  'quote_pending',
  'quote_accepted',
  'quote_declined',
  'courier_investigation',
  'inquiry',
] as const satisfies readonly CaseState[];

/** Every type of case. */
export const CASE_TYPES = [
  'return',
  'exchange',
  'cancel',
  'warranty',
  'report_problem',
  'change_address',
  'change_shipping',
  'change_item',
  'inquiry',
] as const satisfies readonly CaseType[];

/** Compiles only when `List` names every member of `All`: a state or type the server adds fails the web build until listed. */
type NamesEvery<All, List extends readonly unknown[]> = [Exclude<All, List[number]>] extends [never] ? true : never;
export const LISTS_ARE_COMPLETE: [NamesEvery<CaseState, typeof CASE_STATES>, NamesEvery<CaseType, typeof CASE_TYPES>] =
  [true, true];
