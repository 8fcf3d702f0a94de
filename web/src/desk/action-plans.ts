import type { CaseAction, CaseState, Outcome, Resolution } from './desk-types';

/** What an action takes from the person, beside the case's revision. */
export type ActionField =
  | 'outcome'
  | 'reason'
  | 'returnTerms'
  | 'trackingNumber'
  | 'findings'
  | 'resolution'
  | 'quote'
  | 'claimReference'
  | 'answer';

/** What a button of the case view does: its words, where it moves the case, what it asks, what it mails. */
export type ActionPlan = {
  label: string;
  /** The state it moves to: one, or one per outcome chosen. */
  to: CaseState | Partial<Record<Outcome, CaseState>>;
  fields: readonly ActionField[];
  /** The mail the customer gets, as its subject says it; null: none. */
  mail: (m: { shop: string; reference: string; outcome?: Outcome | undefined }) => string | null;
};

const DECIDED = { approved: 'decided_approved', partial: 'decided_approved', denied: 'decided_denied' } as const;
const HEADLINES: Record<Outcome, string> = {
  approved: 'your request is approved',
  partial: 'part of your request is approved',
  denied: 'we cannot accept your request',
  needs_review: 'our care team is looking at your request',
};
const decisionMail = (m: { shop: string; reference: string; outcome?: Outcome | undefined }) =>
  m.outcome ? `${m.shop}: ${HEADLINES[m.outcome]} (${m.reference}), quoting the policy’s reasons` : null;
const careMessage = (m: { shop: string; reference: string }) =>
  `${m.shop}: a message from our care team (${m.reference})`;

/**
 * The staff actions of the lifecycle table (src/domain/cases/case-states.ts),
 * as the back office offers them; action-plans.test.ts keeps the targets equal
 * to the table's. The mails are those src/services/mail/mails-on-case-action.ts sends.
 */
export const ACTION_PLANS: Record<Exclude<CaseAction, 'expire'>, ActionPlan> = {
  decide: {
    label: 'Decide',
    to: { ...DECIDED, needs_review: 'needs_review' },
    fields: ['outcome'],
    mail: decisionMail,
  },
  review: { label: 'Review and decide', to: DECIDED, fields: ['outcome', 'reason'], mail: decisionMail },
  override: {
    label: 'Override the decision',
    to: 'decided_denied',
    fields: ['reason'],
    mail: decisionMail,
  },
  authorize: {
    label: 'Authorize the return',
    to: 'awaiting_return',
    fields: ['returnTerms'],
    mail: (m) => `${m.shop}: your return is authorized, with its authorization number (${m.reference})`,
  },
  ship_return: { label: 'Record the return parcel', to: 'in_transit', fields: ['trackingNumber'], mail: () => null },
  receive: {
    label: 'Mark received',
    to: 'received',
    fields: [],
    mail: (m) => `${m.shop}: we received your return (${m.reference})`,
  },
  inspect: { label: 'Inspect', to: 'inspected', fields: ['findings'], mail: () => null },
  resolve: {
    label: 'Resolve',
    to: 'resolved',
    fields: ['resolution'],
    mail: (m) => `${m.shop}: your request is resolved (${m.reference})`,
  },
  close: { label: 'Close', to: 'closed', fields: [], mail: () => null },
  withdraw: { label: 'Withdraw', to: 'withdrawn', fields: [], mail: () => null },
  quote_repair: { label: 'Quote a repair', to: 'quote_pending', fields: ['quote'], mail: careMessage },
  accept_quote: { label: 'Accept the quote', to: 'quote_accepted', fields: [], mail: () => null },
  decline_quote: { label: 'Decline the quote', to: 'quote_declined', fields: [], mail: () => null },
  open_investigation: {
    label: 'Open a courier investigation',
    to: 'courier_investigation',
    fields: ['claimReference'],
    mail: () => null,
  },
  conclude_investigation: {
    label: 'Conclude the investigation',
    to: DECIDED,
    fields: ['outcome'],
    mail: decisionMail,
  },
  answer_inquiry: { label: 'Answer', to: 'closed', fields: ['answer'], mail: careMessage },
};

/** The state an action moves a case to from `from`, with the outcome chosen; undefined until one is. */
export function targetOf(action: keyof typeof ACTION_PLANS, from: CaseState, outcome?: Outcome): CaseState | undefined {
  // The one action whose target depends on the state it starts from.
  if (action === 'override') return from === 'decided_denied' ? 'decided_approved' : 'decided_denied';
  const to = ACTION_PLANS[action].to;
  return typeof to === 'string' ? to : outcome === undefined ? undefined : to[outcome];
}

/** The outcomes an action can give, for its choice. */
export function outcomesOf(action: keyof typeof ACTION_PLANS): Outcome[] {
  const to = ACTION_PLANS[action].to;
  return typeof to === 'string' ? [] : (Object.keys(to) as Outcome[]);
}

/** Whether closing from this state needs a written reason: goods refused at inspection go back as they came. */
export const closeNeedsReason = (state: CaseState) => state === 'inspected';

/** The remedies that create a new order when a case is resolved with them. */
export const NEW_ORDER_REMEDIES: readonly Resolution[] = [
  'exchange',
  'remake',
  'replacement',
  'discounted_replacement',
  'reship',
];

/** Every remedy, for staff who decided a case themselves. */
export const RESOLUTIONS = [
  'refund',
  'partial_refund',
  'store_credit',
  'exchange',
  'remake',
  'replacement',
  'discounted_replacement',
  'repair',
  'reship',
  'cancel',
  'address_change',
  'item_change',
  'shipping_change',
] as const satisfies readonly Resolution[];

/**
 * The remedies a case may be given: the policy's, while its decision stands;
 * any, once staff decided what the policy left to them (a review, an override),
 * as the server rules (src/storage/repositories/money-cases.ts).
 */
export function remediesOf(view: {
  outcome: Outcome | null;
  decision: { outcome: Outcome; resolutions: Resolution[] } | null;
}): readonly Resolution[] {
  const byPolicy = view.decision !== null && view.outcome === view.decision.outcome;
  return byPolicy && view.decision ? view.decision.resolutions : RESOLUTIONS;
}
