import { Link, useSearchParams } from 'react-router';
import { formatDateRange, formatLocalDate } from '../ui/format';
import { requestAction, stateWords } from './labels';

/** What the order page knows that a question from the help center may be about. */
type Known = {
  shopId: string;
  orderNumber: string;
  /** The current step of the order's timeline ("Shipped"), or the last one done. */
  status: string;
  delivery: { from: string; to: string } | null;
  cases: { id: string; reference: string; state: string }[];
  options:
    | {
        type: string;
        outcome: string;
        deadline?: { localDate: string } | null;
        reasons: { quote: string }[];
      }[]
    | undefined;
};

/** The help center's question (`?next=…&question=…`) answered for this order, at the top of its page. */
export function OrderQuestion(known: Known) {
  const [params] = useSearchParams();
  const next = params.get('next');
  const question = params.get('question');
  if (!next) return null;
  return (
    <section className="card portal-question" aria-labelledby="question-heading">
      <h2 id="question-heading">{question ? `“${question}”` : 'Your question'}</h2>
      <Answer next={next} known={known} />
    </section>
  );
}

function Answer({ next, known }: { next: string; known: Known }) {
  if (next === 'status') return <p>Your order is at this step: {known.status}.</p>;
  if (next === 'delivery') {
    return known.delivery ? (
      <p>
        For this order: expected <strong>{formatDateRange(known.delivery)}</strong>.
      </p>
    ) : (
      <p>For this order: {known.status}. The shop’s policy gives no delivery date we could work out.</p>
    );
  }
  if (next === 'refund') {
    return known.cases.length ? (
      <ul>
        {known.cases.map((c) => (
          <li key={c.id}>
            <Link to={`/shop/${known.shopId}/cases/${c.id}`}>{c.reference}</Link>: {stateWords(c.state)}
          </li>
        ))}
      </ul>
    ) : (
      <p>You have no request open on this order, so no refund or credit is on its way yet.</p>
    );
  }
  if (!known.options) return <p>Checking what the shop’s policy allows for this order…</p>;
  const option = known.options.find((o) => o.type === next);
  if (!option) return <p>The shop’s policy does not offer this for this order at this stage.</p>;
  if (option.outcome === 'denied') {
    return (
      <>
        <p>Not for this order, in the shop’s words:</p>
        {option.reasons.slice(0, 2).map((r) => (
          <blockquote key={r.quote} className="quote">
            {r.quote}
          </blockquote>
        ))}
      </>
    );
  }
  return (
    <p>
      Yes{option.deadline ? `, until ${formatLocalDate(option.deadline.localDate)}` : ''}
      {option.outcome === 'needs_review' ? ', and the care team will look at it' : ''}.{' '}
      <Link
        className="button"
        to={`/shop/${known.shopId}/orders/${encodeURIComponent(known.orderNumber)}/request?type=${option.type}`}
      >
        {requestAction(option.type)}
      </Link>
    </p>
  );
}
