import type { Case, Condition } from '../contract/case.schema.ts';
import type { Decision, LineDecision } from '../contract/decision.schema.ts';
import { decide } from '../decide/decide.ts';
import type { Policy } from '../policy/policy.schema.ts';

/** What the shop found on one returned line: the condition facts it checked (used, worn, tags …). */
export type LineFindings = { id: string; condition: Condition };

/** What of a line's decision the inspection changed. */
export type LineChange = {
  id: string;
  changed: ('outcome' | 'resolutions' | 'itemsRefundable')[];
  before: LineDecision;
  after: LineDecision;
};

/** The goods back on the bench: the case as decided, its decision, and what was found. */
export type InspectReturnInput = {
  policy: Policy;
  /** The case as it was decided; its `now` is the moment the goods were requested back. */
  requested: Case;
  decision: Decision;
  findings: LineFindings[];
};

/** The decision again with the findings as facts, and which lines it changed; a mismatch is a value too. */
export type InspectReturnResult =
  | { ok: true; decision: Decision; outcomeChanged: boolean; changes: LineChange[] }
  | { ok: false; code: 'POLICY_MISMATCH' | 'LINE_NOT_RETURNED'; message: string; path: (string | number)[] };

/**
 * Decides a returned request again with the condition the shop found in place
 * of the one the customer stated ("Returned items must be new, unused, unworn
 * … with tags intact"; "subject to our review of the returned product"). The
 * moment stays the request's, not the inspection's: a window must not close
 * while the goods sit with the shop. A fact the inspector did not record keeps
 * what the customer said of it.
 */
export function inspectReturn({ policy, requested, decision, findings }: InspectReturnInput): InspectReturnResult {
  if (decision.shop !== policy.id || decision.policyVersion !== policy.version) {
    return {
      ok: false,
      code: 'POLICY_MISMATCH',
      message: `the decision was made under ${decision.shop} ${decision.policyVersion}, not ${policy.id} ${policy.version}`,
      path: ['policy'],
    };
  }
  const decided = new Map(decision.lines.map((l) => [l.id, l]));
  for (const [i, f] of findings.entries()) {
    if (!decided.has(f.id)) {
      return {
        ok: false,
        code: 'LINE_NOT_RETURNED',
        message: `line "${f.id}" is not part of this request; it has ${[...decided.keys()].join(', ')}`,
        path: ['findings', i, 'id'],
      };
    }
  }

  const redecided = decide(policy, withFindings(requested, findings));
  const changes: LineChange[] = [];
  for (const after of redecided.lines) {
    const before = decided.get(after.id);
    if (!before) continue;
    const changed = whatChanged(before, after);
    if (changed.length > 0) changes.push({ id: after.id, changed, before, after });
  }
  return { ok: true, decision: redecided, outcomeChanged: redecided.outcome !== decision.outcome, changes };
}

/** The case with each inspected line's condition replaced, fact by fact, by what was found. */
function withFindings(c: Case, findings: LineFindings[]): Case {
  const details = new Map((c.request.lineDetails ?? []).map((d) => [d.id, d]));
  for (const f of findings) {
    const stated = details.get(f.id);
    details.set(f.id, { ...stated, id: f.id, condition: { ...stated?.condition, ...f.condition } });
  }
  return { ...c, request: { ...c.request, lineDetails: [...details.values()] } };
}

function whatChanged(before: LineDecision, after: LineDecision): LineChange['changed'] {
  const changed: LineChange['changed'] = [];
  if (before.outcome !== after.outcome) changed.push('outcome');
  const a = [...before.resolutions].sort().join();
  const b = [...after.resolutions].sort().join();
  if (a !== b) changed.push('resolutions');
  if ((before.itemsRefundable ?? 0) !== (after.itemsRefundable ?? 0)) changed.push('itemsRefundable');
  return changed;
}
