import { CASE_STATES, type CaseState, TERMINAL_STATES } from '../domain/cases/case-states.ts';
import type { DueRules } from '../storage/repositories/cases.ts';

/** Which deadline a case is waiting on: the shop's reply, the customer sending goods back, or the shop's resolution. */
export type DueKind = 'respond' | 'ship_back' | 'resolve';

/** The deadline a case waits on now, and whether it has passed. */
export type Due = { kind: DueKind; at: Date; overdue: boolean };

/**
 * The deadline each state waits on. The shop owes a reply while a case is
 * new, under review, an inquiry or approved but not yet authorized ("Our
 * support team will respond within 1 to 2 business days with return
 * instructions"); an approved case with a resolution deadline owes that
 * instead. The customer owes the parcel while a return is authorized; the
 * shop owes the resolution once the goods are back.
 */
export const DUE_RULES: DueRules = {
  respond: ['submitted', 'needs_review', 'inquiry', 'decided_approved', 'quote_accepted'],
  shipBack: ['awaiting_return'],
  resolve: ['received', 'inspected'],
};

/** States a case can still move from: the inbox's default. */
export const OPEN_STATES: readonly CaseState[] = CASE_STATES.filter(
  (s) => !(TERMINAL_STATES as readonly CaseState[]).includes(s),
);

/** The deadline a case in this state waits on (the inbox orders by the same rule, in SQL). */
export function dueOf(
  c: { state: string; respondsBy: Date | null; shipBy: Date | null; resolutionBy: Date | null },
  now: Date,
): Due | null {
  const due = (kind: DueKind, at: Date | null): Due | null =>
    at === null ? null : { kind, at, overdue: at.getTime() < now.getTime() };
  if (DUE_RULES.respond.includes(c.state))
    return c.resolutionBy ? due('resolve', c.resolutionBy) : due('respond', c.respondsBy);
  if (DUE_RULES.shipBack.includes(c.state)) return due('ship_back', c.shipBy);
  if (DUE_RULES.resolve.includes(c.state)) return due('resolve', c.resolutionBy);
  return null;
}
