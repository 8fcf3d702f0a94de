import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../../policies/load-policy-file.ts';
import { type Case, type CaseInput, CaseSchema } from '../contract/case.schema.ts';
import { decide } from '../decide/decide.ts';
import type { Policy } from '../policy/policy.schema.ts';
import { inspectReturn, type LineFindings } from './inspect-return.ts';

const aulso = loadPolicyFile(path.join(BUNDLED_POLICIES_DIR, 'aulso.yaml'));
const theOr = loadPolicyFile(path.join(BUNDLED_POLICIES_DIR, 'theor.yaml'));

const asCase = (input: CaseInput): Case => CaseSchema.parse(input);

// Aulso: a necklace sent back on change of mind at the very end of the 72 hours (14:00 in Hong Kong).
const aulsoChangeOfMind = asCase({
  shop: 'aulso',
  now: '2026-05-14T06:00:00Z',
  order: {
    number: 'AUL-90412',
    placedAt: '2026-05-02T09:00:00+08:00',
    currency: 'USD',
    destinationCountry: 'GB',
    paymentMethod: 'paypal',
    shippingPaid: 1500,
    deliveredAt: '2026-05-11T14:00:00+08:00',
    lines: [{ id: 'L1', title: 'Pearl Drop Necklace', category: 'necklace', unitPrice: 6900, quantity: 1 }],
  },
  request: {
    type: 'return',
    lines: ['L1'],
    reason: 'changed_mind',
    condition: { used: false, worn: false, originalPackaging: true, tagsAttached: true },
  },
});

// The Or: a ring and three hoops sent back for store credit on day 5.
const theOrReturn = asCase({
  shop: 'theor',
  now: '2026-10-23T10:00:00-04:00',
  order: {
    number: 'OR-7001',
    placedAt: '2026-10-12T10:00:00-04:00',
    currency: 'USD',
    destinationCountry: 'US',
    paymentMethod: 'card',
    shippingPaid: 800,
    shippedAt: '2026-10-14T15:00:00-04:00',
    deliveredAt: '2026-10-18T22:30:00-04:00',
    lines: [
      { id: 'L1', title: 'Dome Ring, 14k', category: 'ring', unitPrice: 16500, quantity: 1 },
      { id: 'L2', title: 'Huggie Hoops', category: 'earrings', unitPrice: 4000, quantity: 3 },
    ],
  },
  request: {
    type: 'return',
    lines: [],
    reason: 'changed_mind',
    condition: { used: false, worn: false, damagedByCustomer: false, originalPackaging: true },
  },
});

type Row = {
  name: string;
  policy: Policy;
  requested: Case;
  findings: LineFindings[];
  outcome: string;
  changedLines: string[];
  cites?: string;
  lineResolutions?: Record<string, string[]>;
};

const rows: Row[] = [
  {
    name: 'Aulso refuses a necklace found with its tags removed (“with tags intact”)',
    policy: aulso,
    requested: aulsoChangeOfMind,
    findings: [{ id: 'L1', condition: { tagsAttached: false } }],
    outcome: 'denied',
    changedLines: ['L1'],
    cites: 'tags-intact',
    lineResolutions: { L1: [] },
  },
  {
    name: 'Aulso keeps the 72-hour change of mind for a necklace found as described, though inspected days later',
    policy: aulso,
    requested: aulsoChangeOfMind,
    findings: [{ id: 'L1', condition: { used: false, worn: false, originalPackaging: true, tagsAttached: true } }],
    outcome: 'approved',
    changedLines: [],
    cites: 'change-of-mind-72h',
  },
  {
    name: 'The Or refuses the store credit for a ring found worn (“we accept all unused and undamaged items”)',
    policy: theOr,
    requested: { ...theOrReturn, request: { ...theOrReturn.request, lines: ['L1'] } },
    findings: [{ id: 'L1', condition: { worn: true } }],
    outcome: 'denied',
    changedLines: ['L1'],
    cites: 'used-or-damaged',
    lineResolutions: { L1: [] },
  },
  {
    name: 'The Or credits the ring and refuses only the hoops found worn',
    policy: theOr,
    requested: theOrReturn,
    findings: [
      { id: 'L1', condition: { worn: false } },
      { id: 'L2', condition: { worn: true } },
    ],
    outcome: 'partial',
    changedLines: ['L2'],
    cites: 'used-or-damaged',
    lineResolutions: { L1: ['store_credit'], L2: [] },
  },
];

describe('inspecting a returned item', () => {
  it.each(rows)('$name', ({ policy, requested, findings, outcome, changedLines, cites, lineResolutions }) => {
    const decision = decide(policy, requested);
    expect(decision.outcome).toBe('approved');
    const result = inspectReturn({ policy, requested, decision, findings });
    if (!result.ok) throw new Error(result.message);
    expect(result.decision.outcome).toBe(outcome);
    expect(result.outcomeChanged).toBe(outcome !== 'approved');
    expect(result.changes.map((c) => c.id)).toEqual(changedLines);
    if (cites) expect(result.decision.reasons.map((r) => r.clause)).toContain(cites);
    for (const [id, resolutions] of Object.entries(lineResolutions ?? {})) {
      expect(result.decision.lines.find((l) => l.id === id)?.resolutions).toEqual(resolutions);
    }
  });

  it('The Or: a worn ring loses the whole credit and says so line by line', () => {
    const requested = { ...theOrReturn, request: { ...theOrReturn.request, lines: ['L1'] } };
    const decision = decide(theOr, requested);
    const result = inspectReturn({
      policy: theOr,
      requested,
      decision,
      findings: [{ id: 'L1', condition: { worn: true } }],
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.decision.money.itemsRefundable).toBe(0);
    expect(result.changes).toEqual([
      expect.objectContaining({
        id: 'L1',
        changed: ['outcome', 'resolutions', 'itemsRefundable'],
        before: expect.objectContaining({ outcome: 'approved', resolutions: ['store_credit'], itemsRefundable: 16500 }),
        after: expect.objectContaining({ outcome: 'denied', itemsRefundable: 0 }),
      }),
    ]);
  });

  it('re-decides at the moment of the request, not of the inspection', () => {
    const decision = decide(aulso, aulsoChangeOfMind);
    const result = inspectReturn({ policy: aulso, requested: aulsoChangeOfMind, decision, findings: [] });
    if (!result.ok) throw new Error(result.message);
    expect(result.decision.deadlines).toEqual(decision.deadlines);
  });

  it('refuses findings for a line that was not sent back', () => {
    const requested = { ...theOrReturn, request: { ...theOrReturn.request, lines: ['L1'] } };
    const decision = decide(theOr, requested);
    expect(
      inspectReturn({ policy: theOr, requested, decision, findings: [{ id: 'L2', condition: { worn: true } }] }),
    ).toMatchObject({ ok: false, code: 'LINE_NOT_RETURNED', path: ['findings', 0, 'id'] });
  });

  it('refuses to re-decide under another version of the policy than the decision’s', () => {
    const decision = decide(aulso, aulsoChangeOfMind);
    const newer = { ...aulso, version: '2027-01-01' };
    expect(inspectReturn({ policy: newer, requested: aulsoChangeOfMind, decision, findings: [] })).toMatchObject({
      ok: false,
      code: 'POLICY_MISMATCH',
    });
  });
});
