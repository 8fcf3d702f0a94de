import type { DateTime } from 'luxon';
import type { Case, Resolution } from '../contract/case.schema.ts';
import type { Decision, Outcome, ReasonCitation, Requirement } from '../contract/decision.schema.ts';
import { DomainError } from '../errors.ts';
import type { Policy } from '../policy/policy.schema.ts';
import { type CompiledPolicy, compilePolicy } from './compile-policy.ts';
import { decideLine, type LineVerdict } from './decide-line.ts';
import { readCaseFacts, readLineFacts } from './facts.ts';
import { restockingFee } from './money.ts';

const MONEY_BACK = new Set<Resolution>(['refund', 'partial_refund', 'store_credit']);

/**
 * Applies a shop's policy to one case: per line, then for the whole request.
 * Pure: the moment of asking is the case's `now`. A case for another shop or
 * naming a line the order does not have is refused with a DomainError; any
 * other unforeseen fact gives `needs_review`, never a throw.
 */
export function decide(policy: Policy, c: Case): Decision {
  if (c.shop !== policy.id) {
    throw new DomainError('SHOP_MISMATCH', `the case is for shop "${c.shop}", the policy is "${policy.id}"`, [
      { code: 'shop_mismatch', path: ['shop'], message: `expected "${policy.id}"` },
    ]);
  }
  const compiled = compilePolicy(policy);
  const cf = readCaseFacts(c, policy.profile.country);
  const verdicts = readLineFacts(cf).map((lf) => decideLine(compiled, cf, lf));
  return aggregate(compiled, c, cf.now, verdicts);
}

function aggregate(compiled: CompiledPolicy, c: Case, now: DateTime, verdicts: LineVerdict[]): Decision {
  const { policy, calendar } = compiled;
  const open = verdicts.filter((v) => v.outcome !== 'denied');
  const approved = verdicts.filter((v) => v.outcome === 'approved');
  const outcomes = new Set(verdicts.map((v) => v.outcome));
  const outcome: Outcome = outcomes.size === 1 ? (verdicts[0]?.outcome ?? 'needs_review') : 'partial';

  const lines = verdicts.map((v) => ({ v, refundable: itemsRefundable(v) }));
  const returnRequired = open.some((v) => v.terms.returnRequired ?? isReturnType(c));
  const payer = (approved.length ? approved : open).find((v) => v.terms.returnShipping)?.terms.returnShipping;
  const shippingBack = approved.some((v) => v.terms.originalShipping === 'refunded');

  const reasons = dedupe(verdicts.flatMap((v) => [...v.reasons, ...(v.outcome === 'denied' ? [] : v.termReasons)]));
  const respond = policy.responseTime;
  const respondsBy =
    respond && (!respond.request || respond.request.includes(c.request.type))
      ? calendar.endOfBusinessDayAfter(now, respond.businessDays)
      : null;
  if (respondsBy && respond) reasons.push({ clause: respond.id, quote: respond.quote });
  const resolve = policy.resolutionTime;
  const resolutionBy =
    resolve?.after === 'decision' && outcome === 'approved' && !returnRequired
      ? calendar.endOfBusinessDayAfter(now, resolve.businessDays)
      : null;

  return {
    shop: policy.id,
    policyVersion: policy.version,
    outcome,
    resolutions: unique(open.flatMap((v) => v.resolutions)),
    returnRequired,
    returnShippingPaidBy: returnRequired ? (payer ?? null) : null,
    money: {
      currency: c.order.currency,
      itemsRefundable: lines.reduce((sum, l) => sum + l.refundable, 0),
      shippingRefundable: shippingBack ? (c.order.shippingPaid ?? 0) : 0,
      restockingFee: lines.reduce((sum, l) => sum + restockingFee(l.v.terms.restockingFee, l.refundable, policy), 0),
      customerCharges: 0,
    },
    deadlines: {
      requestBy: iso(earliest(verdicts.map((v) => v.requestBy))),
      returnBy: returnRequired ? iso(earliest(open.map((v) => v.returnBy))) : null,
      shopRespondsBy: iso(respondsBy),
      resolutionBy: iso(resolutionBy),
    },
    requirements: unique(open.flatMap((v) => [...v.requirements])) as Requirement[],
    reasons,
    lines: lines.map(({ v, refundable }) => ({
      id: v.facts.line.id,
      outcome: v.outcome,
      resolutions: v.resolutions,
      itemsRefundable: refundable,
      reasons: dedupe([...v.reasons, ...(v.outcome === 'denied' ? [] : v.termReasons)]),
    })),
  };
}

/** Most the customer can get back for an approved line, as money or credit, before fees. */
function itemsRefundable(v: LineVerdict): number {
  if (v.outcome !== 'approved' || v.refund === 'none') return 0;
  if (v.refund === 'full' || v.refund === 'partial') return v.facts.paid;
  return v.resolutions.some((r) => MONEY_BACK.has(r)) ? v.facts.paid : 0;
}

const isReturnType = (c: Case) => c.request.type === 'return' || c.request.type === 'exchange';

function earliest(times: (DateTime | null)[]): DateTime | null {
  let min: DateTime | null = null;
  for (const t of times) if (t && (!min || t < min)) min = t;
  return min;
}

const iso = (t: DateTime | null) => (t ? t.toISO() : null);

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function dedupe(reasons: ReasonCitation[]): ReasonCitation[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.clause}\u0000${r.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
