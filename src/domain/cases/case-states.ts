import { InstantSchema, RESOLUTIONS, type Resolution } from '../contract/case.schema.ts';
import type { Outcome } from '../contract/decision.schema.ts';
import type { LineFindings } from './inspect-return.ts';

/** Every state a case can be in (docs/decisions/007-case-lifecycle.md). */
export const CASE_STATES = [
  'submitted',
  'decided_approved',
  'decided_denied',
  'needs_review',
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
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** The states a case is opened in: a request to decide, or a question with nothing to decide. */
export const INITIAL_STATES = ['submitted', 'inquiry'] as const satisfies readonly CaseState[];
/** The states no action leaves. */
export const TERMINAL_STATES = ['closed', 'withdrawn', 'expired'] as const satisfies readonly CaseState[];

/** Who acts on a case. */
export const ROLES = ['customer', 'agent', 'owner', 'system'] as const;
export type Role = (typeof ROLES)[number];
/** The one who takes an action; `id` names the person or job for the audit log. */
export type Actor = { role: Role; id?: string };

/** Every action that moves a case. */
export const CASE_ACTIONS = [
  'decide',
  'review',
  'override',
  'authorize',
  'ship_return',
  'receive',
  'inspect',
  'resolve',
  'close',
  'withdraw',
  'expire',
  'quote_repair',
  'accept_quote',
  'decline_quote',
  'open_investigation',
  'conclude_investigation',
  'answer_inquiry',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** What an action may carry; which fields each needs is in the table. Instants are ISO 8601 with an offset. */
export type TransitionInput = {
  outcome?: Outcome;
  reason?: string;
  authorizationNumber?: string;
  returnAddress?: string;
  instructions?: string;
  shipBy?: string;
  trackingNumber?: string;
  findings?: LineFindings[];
  resolution?: Resolution;
  /** A repair quote, in minor units of the order's currency. */
  amount?: number;
  description?: string;
  claimReference?: string;
  answer?: string;
  /** The moment of the action, for rules about deadlines; the domain has no clock. */
  now?: string;
};
export type InputField = keyof TransitionInput;

/** A case's state with the facts some rules look at: from its decision and its authorization. */
export type CaseStatus = { state: CaseState; returnRequired?: boolean; shipBy?: string };

/** What the case must already be, beside its state, for a rule to apply. */
type Guard = 'return_required' | 'no_return_required' | 'ship_by_passed';

/** A state, or one per decision outcome the input names. */
type Target = CaseState | Partial<Record<Outcome, CaseState>>;

/** One row of the lifecycle: an action from some states, who may take it and what it needs. */
export type TransitionRule = {
  action: CaseAction;
  from: readonly CaseState[];
  to: Target;
  roles: readonly Role[];
  requires: readonly InputField[];
  guard?: Guard;
};

const STAFF = ['agent', 'owner'] as const;
const STAFF_OR_SYSTEM = ['agent', 'owner', 'system'] as const;
const CUSTOMER_OR_STAFF = ['customer', 'agent', 'owner'] as const;
const DECIDED = { approved: 'decided_approved', partial: 'decided_approved', denied: 'decided_denied' } as const;
const DECIDE = { ...DECIDED, needs_review: 'needs_review' } as const;
// "Receive Authorization: ... return instructions and the correct return address."
const RETURN_TERMS = ['authorizationNumber', 'returnAddress', 'instructions', 'shipBy'] as const;
// A customer can step back until the goods are on their way to the shop.
const BEFORE_GOODS_SENT = [
  'submitted',
  'needs_review',
  'decided_approved',
  'awaiting_return',
  'quote_pending',
  'quote_accepted',
  'courier_investigation',
  'inquiry',
] as const;

type Row = [CaseAction, readonly CaseState[], Target, readonly Role[], readonly InputField[], Guard?];

// biome-ignore format: one row per line reads as the table it is
const ROWS: Row[] = [
  // action              from                                  to                       roles              requires
  ['decide',             ['submitted'],                        DECIDE,                  STAFF_OR_SYSTEM,   ['outcome']],
  // The policy left it to the shop's judgement ("we're happy to assist"): staff decide and say why.
  ['review',             ['needs_review'],                     DECIDED,                 STAFF,             ['outcome', 'reason']],
  // Staff override a decision only with a written reason.
  ['override',           ['decided_approved'],                 'decided_denied',        STAFF,             ['reason']],
  ['override',           ['decided_denied'],                   'decided_approved',      STAFF,             ['reason']],
  ['authorize',          ['decided_approved'],                 'awaiting_return',       STAFF_OR_SYSTEM,   RETURN_TERMS, 'return_required'],
  // "Then decide whether to send it back to us for repair": an accepted quote comes back like a return.
  ['authorize',          ['quote_accepted'],                   'awaiting_return',       STAFF_OR_SYSTEM,   RETURN_TERMS],
  // "Send Tracking Info: Email us the tracking number so we can monitor the return status."
  ['ship_return',        ['awaiting_return'],                  'in_transit',            CUSTOMER_OR_STAFF, ['trackingNumber']],
  ['receive',            ['awaiting_return', 'in_transit'],    'received',              STAFF_OR_SYSTEM,   []],
  ['inspect',            ['received'],                         'inspected',             STAFF,             ['findings']],
  // A cancellation or an address change needs nothing back: approved goes straight to resolved.
  ['resolve',            ['decided_approved'],                 'resolved',              STAFF_OR_SYSTEM,   ['resolution'], 'no_return_required'],
  ['resolve',            ['inspected'],                        'resolved',              STAFF_OR_SYSTEM,   ['resolution']],
  ['close',              ['resolved', 'decided_denied', 'quote_declined'], 'closed',    STAFF_OR_SYSTEM,   []],
  // Goods refused at inspection go back as they came; the customer is told why.
  ['close',              ['inspected'],                        'closed',                STAFF,             ['reason']],
  ['withdraw',           BEFORE_GOODS_SENT,                    'withdrawn',             CUSTOMER_OR_STAFF, []],
  ['expire',             ['awaiting_return'],                  'expired',               ['system'],        ['now'], 'ship_by_passed'],
  // "You can contact us to confirm the increased cost. Then decide whether to send it back to us for repair."
  ['quote_repair',       ['needs_review', 'decided_approved'], 'quote_pending',         STAFF,             ['amount', 'description']],
  ['accept_quote',       ['quote_pending'],                    'quote_accepted',        CUSTOMER_OR_STAFF, []],
  ['decline_quote',      ['quote_pending'],                    'quote_declined',        CUSTOMER_OR_STAFF, []],
  // A lost parcel waits on the courier's investigation before anything is granted.
  ['open_investigation', ['needs_review', 'decided_approved'], 'courier_investigation', STAFF_OR_SYSTEM,   ['claimReference']],
  ['conclude_investigation', ['courier_investigation'],        DECIDED,                 STAFF_OR_SYSTEM,   ['outcome']],
  ['answer_inquiry',     ['inquiry'],                          'closed',                STAFF,             ['answer']],
];

/** The case lifecycle as data: at most one row per (action, state). */
export const TRANSITIONS: readonly TransitionRule[] = ROWS.map(([action, from, to, roles, requires, guard]) =>
  guard ? { action, from, to, roles, requires, guard } : { action, from, to, roles, requires },
);

/** What a remedy sets in motion once a case is resolved. */
export const RESOLUTION_FOLLOW_UPS = {
  cancel: 'cancel_order',
  address_change: 'amend_order',
  item_change: 'amend_order',
  shipping_change: 'amend_order',
  refund: 'issue_money',
  partial_refund: 'issue_money',
  store_credit: 'issue_money',
  // "A remake, replacement or exchange creates the new shipment as an order of its own."
  exchange: 'create_order',
  remake: 'create_order',
  replacement: 'create_order',
  discounted_replacement: 'create_order',
  reship: 'create_order',
  repair: 'return_repaired_goods',
} as const satisfies Record<Resolution, string>;
export type FollowUp = (typeof RESOLUTION_FOLLOW_UPS)[Resolution];

/** What the caller must do after a transition: record it, and act on what it set in motion. */
export type CaseEffect =
  | { type: 'audit'; action: CaseAction; from: CaseState; to: CaseState; actor: Actor; input: TransitionInput }
  | {
      type: 'send_return_instructions';
      authorizationNumber: string;
      returnAddress: string;
      instructions: string;
      shipBy: string;
    }
  | { type: 'track_return'; trackingNumber: string }
  | { type: 'redecide_with_findings'; findings: LineFindings[] }
  | { type: FollowUp; resolution: Resolution }
  | { type: 'send_repair_quote'; amount: number; description: string }
  | { type: 'open_courier_claim'; claimReference: string }
  | { type: 'send_answer'; answer: string };

/** A refusal: the case is unchanged; `path` names the input at fault. */
export type TransitionRefusal = {
  ok: false;
  code: 'ILLEGAL_TRANSITION' | 'FORBIDDEN' | 'MISSING_INPUT';
  message: string;
  path?: (string | number)[];
};
export type TransitionResult = { ok: true; to: CaseState; effects: CaseEffect[] } | TransitionRefusal;

const text = (v: unknown) => (typeof v === 'string' && v.trim().length > 0 ? null : 'must be written out');

/** What makes each input usable: null when it is, else what is wrong. */
const INPUT_CHECKS: Record<InputField, (v: unknown) => string | null> = {
  outcome: (v) => (typeof v === 'string' ? null : 'must name the outcome'),
  reason: text,
  authorizationNumber: text,
  returnAddress: text,
  instructions: text,
  shipBy: (v) => (InstantSchema.safeParse(v).success ? null : 'must be an ISO 8601 instant with an offset'),
  trackingNumber: text,
  findings: (v) =>
    Array.isArray(v) && v.length > 0 && v.every((f) => typeof f?.id === 'string' && typeof f?.condition === 'object')
      ? null
      : 'must give the condition found for at least one line',
  resolution: (v) =>
    (RESOLUTIONS as readonly unknown[]).includes(v) ? null : `must be one of ${RESOLUTIONS.join(', ')}`,
  amount: (v) => (Number.isInteger(v) && (v as number) > 0 ? null : 'must be a whole number of minor units above 0'),
  description: text,
  claimReference: text,
  answer: text,
  now: (v) => (InstantSchema.safeParse(v).success ? null : 'must be an ISO 8601 instant with an offset'),
};

/** Whether a guard holds; `undefined` when the facts to tell are not given. */
const GUARDS: Record<
  Guard,
  { holds(s: CaseStatus, input: TransitionInput): boolean | undefined; refusal: string; unknown: string }
> = {
  return_required: {
    holds: (s) => s.returnRequired,
    refusal: 'the decision does not ask for the goods back: resolve it instead',
    unknown: 'whether the decision asks for the goods back is not given (returnRequired)',
  },
  no_return_required: {
    holds: (s) => (s.returnRequired === undefined ? undefined : !s.returnRequired),
    refusal: 'the decision asks for the goods back: authorize the return first',
    unknown: 'whether the decision asks for the goods back is not given (returnRequired)',
  },
  ship_by_passed: {
    holds: (s, input) =>
      s.shipBy === undefined || input.now === undefined ? undefined : Date.parse(input.now) > Date.parse(s.shipBy),
    refusal: 'the ship-by date has not passed yet',
    unknown: 'the case has no ship-by date (shipBy)',
  },
};

/** Per action, what it sets in motion beside the audit entry; inputs here have passed their checks. */
const FOLLOW_UPS: Partial<Record<CaseAction, (input: Required<TransitionInput>) => CaseEffect[]>> = {
  authorize: (i) => [
    {
      type: 'send_return_instructions',
      authorizationNumber: i.authorizationNumber,
      returnAddress: i.returnAddress,
      instructions: i.instructions,
      shipBy: i.shipBy,
    },
  ],
  ship_return: (i) => [{ type: 'track_return', trackingNumber: i.trackingNumber }],
  inspect: (i) => [{ type: 'redecide_with_findings', findings: i.findings }],
  resolve: (i) => [{ type: RESOLUTION_FOLLOW_UPS[i.resolution], resolution: i.resolution }],
  quote_repair: (i) => [{ type: 'send_repair_quote', amount: i.amount, description: i.description }],
  open_investigation: (i) => [{ type: 'open_courier_claim', claimReference: i.claimReference }],
  answer_inquiry: (i) => [{ type: 'send_answer', answer: i.answer }],
};

const stateOf = (c: CaseState | CaseStatus): CaseStatus => (typeof c === 'string' ? { state: c } : c);

/** The row for an action from a state, if the lifecycle has one. */
export function ruleFor(state: CaseState, action: CaseAction): TransitionRule | undefined {
  return TRANSITIONS.find((r) => r.action === action && r.from.includes(state));
}

/**
 * Moves a case by one action, or says why not. Pure: the case is not touched;
 * the caller stores `to` and carries out `effects` (the audit entry first).
 */
export function transition(
  current: CaseState | CaseStatus,
  action: CaseAction,
  actor: Actor,
  input: TransitionInput = {},
): TransitionResult {
  const status = stateOf(current);
  const rule = ruleFor(status.state, action);
  if (!rule) {
    return refuse('ILLEGAL_TRANSITION', `no "${action}" from ${status.state}: ${allowedList(status)}`);
  }
  if (!rule.roles.includes(actor.role)) {
    return refuse('FORBIDDEN', `a ${actor.role} cannot ${action} a case; ${rule.roles.join(', ')} can`);
  }
  for (const field of rule.requires) {
    const problem = INPUT_CHECKS[field](input[field]);
    if (problem) return refuse('MISSING_INPUT', `${action} needs ${field}: it ${problem}`, [field]);
  }
  let to: CaseState | undefined;
  if (typeof rule.to === 'string') to = rule.to;
  else {
    to = input.outcome === undefined ? undefined : rule.to[input.outcome];
    if (!to) {
      const outcomes = Object.keys(rule.to).join(', ');
      return refuse('MISSING_INPUT', `${action} needs an outcome among ${outcomes}`, ['outcome']);
    }
  }
  const guard = rule.guard && GUARDS[rule.guard];
  const holds = guard?.holds(status, input);
  if (guard && holds !== true) return refuse('ILLEGAL_TRANSITION', holds === false ? guard.refusal : guard.unknown);
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as TransitionInput;
  const followUps = FOLLOW_UPS[action]?.(input as Required<TransitionInput>) ?? [];
  return {
    ok: true,
    to,
    effects: [{ type: 'audit', action, from: status.state, to, actor, input: given }, ...followUps],
  };
}

/**
 * The actions a role can take on a case now, for the buttons of the desk and
 * the portal. A rule whose guard cannot be told from the status is offered.
 */
export function allowedActions(current: CaseState | CaseStatus, role: Role): CaseAction[] {
  const status = stateOf(current);
  return TRANSITIONS.filter(
    (r) =>
      r.from.includes(status.state) &&
      r.roles.includes(role) &&
      (!r.guard || GUARDS[r.guard].holds(status, {}) !== false),
  ).map((r) => r.action);
}

/** Whether a state is one no action leaves. */
export const isTerminal = (state: CaseState): boolean => (TERMINAL_STATES as readonly CaseState[]).includes(state);

function allowedList(status: CaseStatus): string {
  const actions = [...new Set(TRANSITIONS.filter((r) => r.from.includes(status.state)).map((r) => r.action))];
  return actions.length === 0 ? 'the case is final' : `the case allows ${actions.join(', ')}`;
}

const refuse = (code: TransitionRefusal['code'], message: string, path?: (string | number)[]): TransitionRefusal =>
  path ? { ok: false, code, message, path } : { ok: false, code, message };
