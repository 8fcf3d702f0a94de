import { parseInstant } from '../calendar/parse-instant.ts';
import type { Instant } from '../calendar/zoned-time.ts';
import type { Case, Resolution } from '../contract/case.schema.ts';
import type { Decision, LineDecision, Outcome, ReasonCitation, Requirement } from '../contract/decision.schema.ts';
import { DomainError } from '../errors.ts';
import type { Policy } from '../policy/policy.schema.ts';
import { type CompiledPolicy, compilePolicy } from './compile-policy.ts';
import { decideLine, type LineVerdict } from './decide-line.ts';
import { explainLine } from './explain-line.ts';
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
  const compiled = compilePolicy(policy);
  return assemble(compiled, c, evaluate(compiled, c));
}

/** The rules alone: each line's verdict, without money, deadlines or explanations. */
export function evaluateLines(policy: Policy, c: Case): LineVerdict[] {
  return evaluate(compilePolicy(policy), c);
}

function evaluate(compiled: CompiledPolicy, c: Case): LineVerdict[] {
  const { policy } = compiled;
  if (c.shop !== policy.id) {
    throw new DomainError('SHOP_MISMATCH', `the case is for shop "${c.shop}", the policy is "${policy.id}"`, [
      { code: 'shop_mismatch', path: ['shop'], message: `expected "${policy.id}"` },
    ]);
  }
  const cf = readCaseFacts(c, policy.profile.country);
  const verdicts: LineVerdict[] = [];
  for (const lf of readLineFacts(cf)) verdicts.push(decideLine(compiled, cf, lf));
  return verdicts;
}

/** The whole request's decision from its lines' verdicts. */
function assemble(compiled: CompiledPolicy, c: Case, verdicts: LineVerdict[]): Decision {
  const { policy, calendar } = compiled;
  const iso = (t: Instant | null) => (t === null ? null : calendar.zone.iso(t));
  const typeReturns = c.request.type === 'return' || c.request.type === 'exchange';

  let outcome: Outcome | undefined;
  // The return terms of what is granted; when nothing is, those the care team would apply.
  const granted: ReturnTerms = { returnRequired: false, payer: undefined, returnBy: null };
  const underReview: ReturnTerms = { returnRequired: false, payer: undefined, returnBy: null };
  let shippingBackFor = 0;
  let itemsRefundable = 0;
  let fee = 0;
  let openBy: Instant | null = null;
  let missedBy: Instant | null = null;
  const resolutions = new Set<Resolution>();
  const requirements = new Set<Requirement>();
  const reasons = new Citations();
  const lines: LineDecision[] = [];

  for (const v of verdicts) {
    outcome = outcome === undefined || outcome === v.outcome ? v.outcome : 'partial';
    const refundable = lineRefundable(v);
    const lineReasons = explainLine(v, policy);
    reasons.addAll(lineReasons);
    // The deadline that still matters: an open line's, else the one a refused line missed.
    if (v.outcome === 'denied') missedBy = earlier(missedBy, v.requestBy);
    else openBy = earlier(openBy, v.requestBy);
    if (v.outcome !== 'denied') {
      for (const r of v.resolutions) resolutions.add(r);
      for (const r of v.requirements) requirements.add(r);
    }
    if (v.outcome !== 'denied' && (v.terms.returnRequired ?? typeReturns)) {
      const terms = v.outcome === 'approved' ? granted : underReview;
      terms.returnRequired = true;
      terms.returnBy = earlier(terms.returnBy, v.returnBy);
      // One parcel goes back: the shop pays it if it pays for any line in it ("we will cover the return shipping cost").
      if (v.terms.returnShipping && terms.payer !== 'shop') terms.payer = v.terms.returnShipping;
    }
    if (v.outcome === 'approved' && v.terms.originalShipping === 'refunded') shippingBackFor += v.context.lf.paid;
    itemsRefundable += refundable;
    fee += restockingFee(v.terms.restockingFee, refundable, policy);
    lines.push({
      id: v.context.lf.line.id,
      outcome: v.outcome,
      resolutions: [...v.resolutions],
      itemsRefundable: refundable,
      reasons: lineReasons,
    });
  }

  const { returnRequired, payer, returnBy } = granted.returnRequired ? granted : underReview;
  const now = verdicts[0]?.context.cf.now ?? parseInstant(c.now);
  const respond = policy.responseTime;
  const respondsBy =
    respond && (!respond.request || respond.request.includes(c.request.type))
      ? compiled.endOfBusinessDayAfter(now, respond.businessDays)
      : null;
  if (respondsBy !== null && respond) reasons.add({ clause: respond.id, quote: respond.quote });
  const finalOutcome = outcome ?? 'needs_review';
  const resolve = policy.resolutionTime;
  const resolutionBy =
    resolve?.after === 'decision' && finalOutcome === 'approved' && !returnRequired
      ? compiled.endOfBusinessDayAfter(now, resolve.businessDays)
      : null;

  return {
    shop: policy.id,
    policyVersion: policy.version,
    outcome: finalOutcome,
    resolutions: [...resolutions],
    returnRequired,
    returnShippingPaidBy: returnRequired ? (payer ?? null) : null,
    money: {
      currency: c.order.currency,
      itemsRefundable,
      shippingRefundable: shippingRefundable(c, shippingBackFor),
      restockingFee: fee,
      customerCharges: 0,
    },
    deadlines: {
      requestBy: iso(openBy ?? missedBy),
      returnBy: returnRequired ? iso(returnBy) : null,
      shopRespondsBy: iso(respondsBy),
      resolutionBy: iso(resolutionBy),
    },
    requirements: [...requirements],
    reasons: reasons.list,
    lines,
  };
}

type ReturnTerms = { returnRequired: boolean; payer: 'shop' | 'customer' | undefined; returnBy: Instant | null };

/**
 * Outbound shipping given back: all of it when the refunded lines are the whole
 * order, else the share of what they cost, since the rest of the order still ships.
 */
function shippingRefundable(c: Case, refundedValue: number): number {
  const shipping = c.order.shippingPaid ?? 0;
  if (refundedValue === 0 || shipping === 0) return 0;
  let orderValue = 0;
  for (const line of c.order.lines) orderValue += Math.max(0, line.unitPrice * line.quantity - (line.discount ?? 0));
  return refundedValue >= orderValue ? shipping : Math.round((shipping * refundedValue) / orderValue);
}

const earlier = (a: Instant | null, b: Instant | null): Instant | null => (a === null || (b !== null && b < a) ? b : a);

/** Most the customer can get back for an approved line, as money or credit, before fees. */
function lineRefundable(v: LineVerdict): number {
  if (v.outcome !== 'approved' || v.refund === 'none') return 0;
  if (v.refund === 'full' || v.refund === 'partial') return v.context.lf.paid;
  return v.resolutions.some((r) => MONEY_BACK.has(r)) ? v.context.lf.paid : 0;
}

/** Reasons without repeats: the same sentence of the same clause is cited once. */
class Citations {
  readonly list: ReasonCitation[] = [];
  private readonly seen = new Map<string, Set<string>>();
  add(r: ReasonCitation): void {
    let quotes = this.seen.get(r.clause);
    if (!quotes) {
      quotes = new Set();
      this.seen.set(r.clause, quotes);
    }
    if (quotes.has(r.quote)) return;
    quotes.add(r.quote);
    this.list.push(r);
  }
  addAll(rs: ReasonCitation[]): void {
    for (const r of rs) this.add(r);
  }
}
