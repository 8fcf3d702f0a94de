import { formatInstant, formatMoney } from '../ui/format';
import { orList, resolutionWords } from './labels';

type Decision = {
  outcome: string;
  resolutions: string[];
  returnRequired: boolean;
  returnShippingPaidBy: 'shop' | 'customer' | null;
  money: { currency: string; itemsRefundable: number; shippingRefundable: number; restockingFee: number };
  deadlines: { returnBy: string | null; shopRespondsBy: string | null };
  reasons: { clause: string; quote: string }[];
};

const HEADINGS: Record<string, string> = {
  approved: 'The shop’s policy accepts this request',
  partial: 'The shop’s policy accepts part of this request',
  needs_review: 'The care team will review this request',
  denied: 'The shop’s policy does not allow this request',
};

/**
 * What a decision gives the customer, before or after they ask: the remedies,
 * the money and fees, who pays return shipping and by when it goes back, each
 * resting on the shop's own quoted sentences.
 */
export function DecisionSummary({ decision, timeZone }: { decision: Decision; timeZone: string }) {
  const { money, deadlines } = decision;
  const back = Math.max(0, money.itemsRefundable + money.shippingRefundable - money.restockingFee);
  const denied = decision.outcome === 'denied';
  return (
    <div className="card" aria-live="polite">
      <h2>{HEADINGS[decision.outcome] ?? decision.outcome}</h2>
      {denied ? null : (
        <dl className="portal-summary">
          {decision.resolutions.length > 0 ? (
            <>
              <dt>What you can get</dt>
              <dd>{orList(decision.resolutions.map(resolutionWords))}</dd>
            </>
          ) : null}
          {back > 0 ? (
            <>
              <dt>Amount</dt>
              <dd>
                {formatMoney(back, money.currency)}
                {money.shippingRefundable > 0
                  ? ` (including ${formatMoney(money.shippingRefundable, money.currency)} of shipping)`
                  : ''}
              </dd>
            </>
          ) : null}
          <dt>Fees</dt>
          <dd>
            {money.restockingFee > 0
              ? `A restocking fee of ${formatMoney(money.restockingFee, money.currency)}`
              : 'No fees'}
          </dd>
          {decision.returnRequired ? (
            <>
              <dt>Return shipping</dt>
              <dd>
                {decision.returnShippingPaidBy === 'shop'
                  ? 'Paid by the shop'
                  : decision.returnShippingPaidBy === 'customer'
                    ? 'Paid by you'
                    : 'The care team will tell you'}
              </dd>
            </>
          ) : null}
          {deadlines.returnBy ? (
            <>
              <dt>Send it back by</dt>
              <dd>{formatInstant(deadlines.returnBy, timeZone)}</dd>
            </>
          ) : null}
          {deadlines.shopRespondsBy ? (
            <>
              <dt>The shop answers by</dt>
              <dd>{formatInstant(deadlines.shopRespondsBy, timeZone)}</dd>
            </>
          ) : null}
        </dl>
      )}
      <h3>Why, in the shop’s words</h3>
      {decision.reasons.map((r) => (
        <blockquote key={`${r.clause}:${r.quote}`} className="quote">
          {r.quote}
        </blockquote>
      ))}
    </div>
  );
}
