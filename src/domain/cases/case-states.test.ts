import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseState,
  type CaseStatus,
  INITIAL_STATES,
  isTerminal,
  ROLES,
  type Role,
  TERMINAL_STATES,
  TRANSITIONS,
  type TransitionInput,
  transition,
} from './case-states.ts';

/** The lifecycle as the desk should see it, written out by hand: every legal move and where it leads. */
const LEGAL: Record<CaseState, Partial<Record<CaseAction, CaseState>>> = {
  submitted: { decide: 'decided_approved', withdraw: 'withdrawn' },
  decided_approved: {
    override: 'decided_denied',
    authorize: 'awaiting_return',
    resolve: 'resolved',
    withdraw: 'withdrawn',
    quote_repair: 'quote_pending',
    open_investigation: 'courier_investigation',
  },
  decided_denied: { override: 'decided_approved', close: 'closed' },
  needs_review: {
    review: 'decided_approved',
    withdraw: 'withdrawn',
    quote_repair: 'quote_pending',
    open_investigation: 'courier_investigation',
  },
  awaiting_return: { ship_return: 'in_transit', receive: 'received', withdraw: 'withdrawn', expire: 'expired' },
  in_transit: { receive: 'received' },
  received: { inspect: 'inspected' },
  inspected: { resolve: 'resolved', close: 'closed' },
  resolved: { close: 'closed' },
  closed: {},
  withdrawn: {},
  expired: {},
  quote_pending: { accept_quote: 'quote_accepted', decline_quote: 'quote_declined', withdraw: 'withdrawn' },
  quote_accepted: { authorize: 'awaiting_return', withdraw: 'withdrawn' },
  quote_declined: { close: 'closed' },
  courier_investigation: { conclude_investigation: 'decided_approved', withdraw: 'withdrawn' },
  inquiry: { answer_inquiry: 'closed', withdraw: 'withdrawn' },
};

/** Who may take each action, written out by hand. */
const WHO: Record<CaseAction, Role[]> = {
  decide: ['agent', 'owner', 'system'],
  review: ['agent', 'owner'],
  override: ['agent', 'owner'],
  authorize: ['agent', 'owner', 'system'],
  ship_return: ['customer', 'agent', 'owner'],
  receive: ['agent', 'owner', 'system'],
  inspect: ['agent', 'owner'],
  resolve: ['agent', 'owner', 'system'],
  close: ['agent', 'owner', 'system'],
  withdraw: ['customer', 'agent', 'owner'],
  expire: ['system'],
  quote_repair: ['agent', 'owner'],
  accept_quote: ['customer', 'agent', 'owner'],
  decline_quote: ['customer', 'agent', 'owner'],
  open_investigation: ['agent', 'owner', 'system'],
  conclude_investigation: ['agent', 'owner', 'system'],
  answer_inquiry: ['agent', 'owner'],
};

/** Where one row of an action differs: goods refused at inspection are closed by a person, with a reason. */
const WHO_FROM: Partial<Record<`${CaseState}/${CaseAction}`, Role[]>> = { 'inspected/close': ['agent', 'owner'] };
const whoMay = (state: CaseState, action: CaseAction) => WHO_FROM[`${state}/${action}`] ?? WHO[action];

const SHIP_BY = '2026-06-10T23:59:59.999+08:00';
/** Every input any action can ask for, filled in. */
const FULL: TransitionInput = {
  outcome: 'approved',
  reason: 'The customer sent photos showing the clasp broke on first wear.',
  authorizationNumber: 'RA-1042',
  returnAddress: 'Rm 03, 24/F, Ho King Commercial Centre, Mong Kok, Hong Kong',
  instructions: 'Pack the ring in its box, write RA-1042 on the parcel and send it tracked.',
  shipBy: SHIP_BY,
  trackingNumber: 'LX123456789HK',
  findings: [{ id: 'L1', condition: { worn: false, tagsAttached: true } }],
  resolution: 'store_credit',
  amount: 4500,
  description: 'New 18k clasp and polishing: materials at cost.',
  claimReference: 'USPS-CLAIM-88121',
  answer: 'Your ring ships on Thursday; the tracking link follows by email.',
  now: '2026-06-12T09:00:00+08:00',
};

/** The facts a case carries for the action: the return a decision asks for, and a ship-by date already past. */
const statusFor = (state: CaseState, action: CaseAction): CaseStatus =>
  Object.freeze({ state, returnRequired: action === 'authorize', shipBy: SHIP_BY });

const pairs = CASE_STATES.flatMap((state) => CASE_ACTIONS.map((action) => ({ state, action })));

describe('the case lifecycle', () => {
  describe.each(pairs.filter(({ state, action }) => LEGAL[state][action]))('$state, $action', ({ state, action }) => {
    it('reaches the right state for every role that may take it, and refuses every other role', () => {
      for (const role of ROLES) {
        const result = transition(statusFor(state, action), action, { role }, Object.freeze({ ...FULL }));
        if (whoMay(state, action).includes(role)) expect(result).toMatchObject({ ok: true, to: LEGAL[state][action] });
        else expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }
    });
  });

  it.each(pairs.filter(({ state, action }) => !LEGAL[state][action]))(
    'refuses $action on a $state case, whoever asks',
    ({ state, action }) => {
      for (const role of ROLES) {
        const status = statusFor(state, action);
        const result = transition(status, action, { role }, Object.freeze({ ...FULL }));
        expect(result).toMatchObject({ ok: false, code: 'ILLEGAL_TRANSITION' });
        expect(status.state).toBe(state);
      }
    },
  );

  it.each([
    {
      name: 'an approved request is decided approved',
      action: 'decide',
      from: 'submitted',
      outcome: 'approved',
      to: 'decided_approved',
    },
    {
      name: 'a request granted for some lines is decided approved',
      action: 'decide',
      from: 'submitted',
      outcome: 'partial',
      to: 'decided_approved',
    },
    {
      name: 'a refused request is decided denied',
      action: 'decide',
      from: 'submitted',
      outcome: 'denied',
      to: 'decided_denied',
    },
    {
      name: '“we’re happy to assist” waits for review',
      action: 'decide',
      from: 'submitted',
      outcome: 'needs_review',
      to: 'needs_review',
    },
    {
      name: 'staff refuse a case left to their judgement',
      action: 'review',
      from: 'needs_review',
      outcome: 'denied',
      to: 'decided_denied',
    },
    {
      name: 'the courier finds the parcel was not lost: denied',
      action: 'conclude_investigation',
      from: 'courier_investigation',
      outcome: 'denied',
      to: 'decided_denied',
    },
    {
      name: 'the courier confirms the loss: approved',
      action: 'conclude_investigation',
      from: 'courier_investigation',
      outcome: 'approved',
      to: 'decided_approved',
    },
  ] as const)('$name', ({ action, from, outcome, to }) => {
    expect(transition(from, action, { role: 'agent' }, { ...FULL, outcome })).toMatchObject({ ok: true, to });
  });

  it.each([
    {
      name: 'a review cannot send a case back to review',
      action: 'review',
      from: 'needs_review',
      input: { ...FULL, outcome: 'needs_review' },
      path: ['outcome'],
    },
    {
      name: 'an override needs a written reason',
      action: 'override',
      from: 'decided_denied',
      input: { ...FULL, reason: undefined },
      path: ['reason'],
    },
    {
      name: 'an override reason of blanks is no reason',
      action: 'override',
      from: 'decided_approved',
      input: { ...FULL, reason: '   ' },
      path: ['reason'],
    },
    {
      name: 'a review needs the reason staff decided on',
      action: 'review',
      from: 'needs_review',
      input: { ...FULL, reason: '' },
      path: ['reason'],
    },
    {
      name: 'a return shipped without a tracking number',
      action: 'ship_return',
      from: 'awaiting_return',
      input: { ...FULL, trackingNumber: undefined },
      path: ['trackingNumber'],
    },
    {
      name: 'an authorization without the return address',
      action: 'authorize',
      from: 'decided_approved',
      input: { ...FULL, returnAddress: undefined },
      path: ['returnAddress'],
    },
    {
      name: 'an authorization with a ship-by date that is not an instant',
      action: 'authorize',
      from: 'decided_approved',
      input: { ...FULL, shipBy: 'next Friday' },
      path: ['shipBy'],
    },
    {
      name: 'an inspection with no findings',
      action: 'inspect',
      from: 'received',
      input: { ...FULL, findings: [] as TransitionInput['findings'] },
      path: ['findings'],
    },
    {
      name: 'a resolution that is not a remedy',
      action: 'resolve',
      from: 'inspected',
      input: { ...FULL, resolution: 'gift' as never },
      path: ['resolution'],
    },
    {
      name: 'a repair quote of nothing',
      action: 'quote_repair',
      from: 'needs_review',
      input: { ...FULL, amount: 0 },
      path: ['amount'],
    },
    {
      name: 'a repair quote in fractions of a cent',
      action: 'quote_repair',
      from: 'needs_review',
      input: { ...FULL, amount: 12.5 },
      path: ['amount'],
    },
    {
      name: 'a courier investigation without a claim reference',
      action: 'open_investigation',
      from: 'decided_approved',
      input: { ...FULL, claimReference: undefined },
      path: ['claimReference'],
    },
    {
      name: 'goods refused at inspection closed without saying why',
      action: 'close',
      from: 'inspected',
      input: { ...FULL, reason: undefined },
      path: ['reason'],
    },
    {
      name: 'an inquiry closed without an answer',
      action: 'answer_inquiry',
      from: 'inquiry',
      input: { ...FULL, answer: undefined },
      path: ['answer'],
    },
    {
      name: 'an expiry without the time of the check',
      action: 'expire',
      from: 'awaiting_return',
      input: { ...FULL, now: undefined },
      path: ['now'],
    },
  ] as const)('refuses $name', ({ action, from, input, path }) => {
    const role = WHO[action][0] as Role;
    const status: CaseStatus = { state: from, returnRequired: true, shipBy: SHIP_BY };
    expect(transition(status, action, { role }, input)).toMatchObject({ ok: false, code: 'MISSING_INPUT', path });
  });

  describe('a decision that asks for the goods back, or does not', () => {
    it.each([
      { name: 'a cancellation resolves at once', action: 'resolve', returnRequired: false, ok: true },
      {
        name: 'a return cannot be resolved before the goods come back',
        action: 'resolve',
        returnRequired: true,
        ok: false,
      },
      { name: 'a return is authorized', action: 'authorize', returnRequired: true, ok: true },
      { name: 'an address change has nothing to authorize', action: 'authorize', returnRequired: false, ok: false },
      {
        name: 'nothing is resolved while the decision’s terms are unknown',
        action: 'resolve',
        returnRequired: undefined,
        ok: false,
      },
    ] as const)('$name', ({ action, returnRequired, ok }) => {
      const result = transition({ state: 'decided_approved', returnRequired }, action, { role: 'agent' }, FULL);
      expect(result.ok).toBe(ok);
      if (!result.ok) expect(result.code).toBe('ILLEGAL_TRANSITION');
    });
  });

  it.each([
    { name: 'a return not sent by the ship-by date expires', now: '2026-06-11T00:00:00+08:00', ok: true },
    { name: 'a return still inside its ship-by date does not', now: '2026-06-10T23:00:00+08:00', ok: false },
  ])('$name', ({ now, ok }) => {
    const result = transition({ state: 'awaiting_return', shipBy: SHIP_BY }, 'expire', { role: 'system' }, { now });
    expect(result.ok).toBe(ok);
  });

  describe('effects', () => {
    it('records every transition first, with the actor and what was given', () => {
      const result = transition(
        'decided_denied',
        'override',
        { role: 'owner', id: 'ana' },
        { reason: 'Goodwill: loyal customer' },
      );
      expect(result).toEqual({
        ok: true,
        to: 'decided_approved',
        effects: [
          {
            type: 'audit',
            action: 'override',
            from: 'decided_denied',
            to: 'decided_approved',
            actor: { role: 'owner', id: 'ana' },
            input: { reason: 'Goodwill: loyal customer' },
          },
        ],
      });
    });

    it.each([
      { resolution: 'store_credit', effect: 'issue_money' },
      { resolution: 'refund', effect: 'issue_money' },
      { resolution: 'exchange', effect: 'create_order' },
      { resolution: 'remake', effect: 'create_order' },
      { resolution: 'replacement', effect: 'create_order' },
      { resolution: 'repair', effect: 'return_repaired_goods' },
      { resolution: 'cancel', effect: 'cancel_order' },
      { resolution: 'address_change', effect: 'amend_order' },
    ] as const)('a $resolution sets $effect in motion', ({ resolution, effect }) => {
      const result = transition('inspected', 'resolve', { role: 'agent' }, { resolution });
      expect(result.ok && result.effects.slice(1)).toEqual([{ type: effect, resolution }]);
    });

    it('an authorization sends the return instructions with the ship-by date', () => {
      const result = transition(
        { state: 'decided_approved', returnRequired: true },
        'authorize',
        { role: 'agent' },
        FULL,
      );
      expect(result.ok && result.effects[1]).toEqual({
        type: 'send_return_instructions',
        authorizationNumber: 'RA-1042',
        returnAddress: FULL.returnAddress,
        instructions: FULL.instructions,
        shipBy: SHIP_BY,
      });
    });

    it('an inspection asks for the decision again with what was found', () => {
      const result = transition('received', 'inspect', { role: 'agent' }, { findings: FULL.findings });
      expect(result.ok && result.effects[1]).toEqual({ type: 'redecide_with_findings', findings: FULL.findings });
    });
  });

  it.each([
    { state: 'awaiting_return', role: 'customer', actions: ['ship_return', 'withdraw'] },
    { state: 'quote_pending', role: 'customer', actions: ['withdraw', 'accept_quote', 'decline_quote'] },
    { state: 'submitted', role: 'customer', actions: ['withdraw'] },
    { state: 'in_transit', role: 'customer', actions: [] },
    { state: 'received', role: 'agent', actions: ['inspect'] },
    { state: 'awaiting_return', role: 'system', actions: ['receive', 'expire'] },
    { state: 'closed', role: 'owner', actions: [] },
  ] as const)('offers a $role on a $state case: $actions', ({ state, role, actions }) => {
    expect(allowedActions(state, role).sort()).toEqual([...actions].sort());
  });

  it('offers an agent the way on that fits the decision: resolve when nothing comes back, authorize when it does', () => {
    expect(allowedActions({ state: 'decided_approved', returnRequired: false }, 'agent')).toContain('resolve');
    expect(allowedActions({ state: 'decided_approved', returnRequired: false }, 'agent')).not.toContain('authorize');
    expect(allowedActions({ state: 'decided_approved', returnRequired: true }, 'agent')).toContain('authorize');
    expect(allowedActions({ state: 'decided_approved', returnRequired: true }, 'agent')).not.toContain('resolve');
  });

  describe('the table itself', () => {
    it('has at most one row per action and state', () => {
      const seen = TRANSITIONS.flatMap((r) => r.from.map((s) => `${r.action}/${s}`));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('leaves no terminal state and leads somewhere from every other', () => {
      for (const r of TRANSITIONS) for (const s of r.from) expect(isTerminal(s), `${r.action} from ${s}`).toBe(false);
      for (const s of CASE_STATES) if (!isTerminal(s)) expect(allActionsFrom(s), s).not.toEqual([]);
    });

    it('reaches every state from the states a case is opened in', () => {
      const reached = new Set<CaseState>(INITIAL_STATES);
      for (let grew = true; grew; ) {
        grew = false;
        for (const r of TRANSITIONS) {
          if (!r.from.some((s) => reached.has(s))) continue;
          for (const to of typeof r.to === 'string' ? [r.to] : Object.values(r.to)) {
            if (to && !reached.has(to)) {
              reached.add(to);
              grew = true;
            }
          }
        }
      }
      expect([...reached].sort()).toEqual([...CASE_STATES].sort());
    });
  });

  it('never leaves the set of states, and closed, withdrawn and expired are terminal, whatever is tried', () => {
    const step = fc.record({
      action: fc.constantFrom(...CASE_ACTIONS),
      role: fc.constantFrom(...ROLES),
      outcome: fc.constantFrom('approved', 'denied', 'needs_review', 'partial' as const),
      returnRequired: fc.option(fc.boolean(), { nil: undefined }),
      complete: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.constantFrom(...INITIAL_STATES), fc.array(step, { maxLength: 40 }), (start, steps) => {
        let state: CaseState = start;
        for (const s of steps) {
          const input: TransitionInput = s.complete ? { ...FULL, outcome: s.outcome } : { outcome: s.outcome };
          const result = transition(
            { state, returnRequired: s.returnRequired, shipBy: SHIP_BY },
            s.action,
            { role: s.role },
            input,
          );
          if (isTerminal(state)) expect(result.ok).toBe(false);
          if (result.ok) {
            expect(CASE_STATES).toContain(result.to);
            state = result.to;
          }
        }
        expect((TERMINAL_STATES as readonly string[]).includes(state) || allActionsFrom(state).length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

const allActionsFrom = (state: CaseState) => TRANSITIONS.filter((r) => r.from.includes(state)).map((r) => r.action);
