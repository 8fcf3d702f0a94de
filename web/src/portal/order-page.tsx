import { Link, useParams } from 'react-router';
import { ErrorNote } from '../ui/error-note';
import { formatDateRange, formatInstantDate, formatLocalDate, formatMoney } from '../ui/format';
import { Loading } from '../ui/loading';
import { useShop } from '../ui/use-shop';
import { orList, requestAction, requestNoun, resolutionWords, stateWords } from './labels';
import { OrderQuestion } from './order-question';
import { isSignInNeeded, useOrder, useOrderOptions } from './portal-api';
import { SignInNeeded } from './sign-in-needed';

type OrderFacts = {
  placedAt: string;
  productionStartedAt?: string | null;
  shippedAt?: string | null;
  deliveredAt?: string | null;
  lines: { fulfillment?: string; shippedAt?: string | null; deliveredAt?: string | null }[];
};

/** The order's steps: placed, in production (made to order), shipped, delivered; each with its date once done. */
function steps(order: OrderFacts): { label: string; at: string | null; done: boolean }[] {
  const first = (pick: (l: OrderFacts['lines'][number]) => string | null | undefined) =>
    order.lines
      .map(pick)
      .filter((x): x is string => Boolean(x))
      .sort()[0] ?? null;
  const list: { label: string; at: string | null }[] = [{ label: 'Placed', at: order.placedAt }];
  if (order.lines.some((l) => l.fulfillment === 'made_to_order')) {
    list.push({ label: 'In production', at: order.productionStartedAt ?? null });
  }
  const delivered = order.deliveredAt ?? first((l) => l.deliveredAt);
  list.push({ label: 'Shipped', at: order.shippedAt ?? first((l) => l.shippedAt) });
  list.push({ label: 'Delivered', at: delivered });
  // A delivered order was shipped, and made, even when the shop gave no date for it.
  return delivered ? list.map((s) => ({ ...s, done: true })) : list.map((s) => ({ ...s, done: s.at !== null }));
}

/** The order page: where the order is, when it arrives, its cases, and what the shop's policy lets the customer ask now. */
export function OrderPage({ shopId }: { shopId: string }) {
  const { number = '' } = useParams();
  const { shop } = useShop(shopId);
  const view = useOrder(shopId, number);
  const options = useOrderOptions(shopId, number);
  if (view.error) {
    return isSignInNeeded(view.error) ? <SignInNeeded shopId={shopId} /> : <ErrorPage error={view.error} />;
  }
  if (!view.data || !shop) return <Loading />;
  const o = view.data;
  const zone = shop.timeZone;
  const timeline = steps(o.order);
  const current = timeline.findIndex((s) => !s.done);
  const estimate = o.deliveryEstimate;
  const delivered = timeline[timeline.length - 1]?.done;
  const storefrontUrl = (shop as { brand?: { storefrontUrl?: string } }).brand?.storefrontUrl;
  const open = options.data?.options.filter((x) => x.outcome !== 'denied') ?? [];
  const closed = options.data?.options.filter((x) => x.outcome === 'denied') ?? [];
  return (
    <main id="main" className="page">
      <h1>Order {o.number}</h1>
      <OrderQuestion
        shopId={shopId}
        orderNumber={o.number}
        status={(timeline[current] ?? timeline[timeline.length - 1])?.label ?? ''}
        delivery={delivered ? null : estimate.deliveredBy}
        cases={o.cases}
        options={options.data?.options}
      />
      <section aria-labelledby="status-heading" className="card">
        <h2 id="status-heading">Where your order is</h2>
        <ol className="timeline">
          {timeline.map((s, i) => (
            <li key={s.label} className={s.done ? 'done' : i === current ? 'current' : undefined}>
              <strong>{s.label}</strong>
              {s.at ? <span> · {formatInstantDate(s.at, zone)}</span> : null}
            </li>
          ))}
        </ol>
        {o.tracking ? (
          <p>
            Parcel with {o.tracking.carrierName}, tracking number {o.tracking.trackingNumber}
            {o.tracking.trackingUrl ? (
              <>
                {' · '}
                <a href={o.tracking.trackingUrl} rel="noreferrer" target="_blank">
                  Track the parcel
                </a>
              </>
            ) : null}
          </p>
        ) : null}
        {!delivered && estimate.deliveredBy ? (
          <p>
            Expected delivery: <strong>{formatDateRange(estimate.deliveredBy)}</strong>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Items</h2>
        <ul>
          {o.order.lines.map((l) => (
            <li key={l.id}>
              {l.quantity > 1 ? `${l.quantity} × ` : ''}
              {l.title ?? l.id} · {formatMoney(l.unitPrice * l.quantity - (l.discount ?? 0), o.order.currency)}
              {l.fulfillment === 'made_to_order' ? ' · made to order' : ''}
              {l.personalized ? ' · personalised' : ''}
            </li>
          ))}
        </ul>
        {storefrontUrl ? (
          <p>
            <a href={storefrontUrl}>Order again from {shop.name}</a>
          </p>
        ) : null}
      </section>

      {o.cases.length > 0 ? (
        <section aria-labelledby="cases-heading">
          <h2 id="cases-heading">Your requests</h2>
          <ul>
            {o.cases.map((c) => (
              <li key={c.id}>
                <Link to={`/shop/${shopId}/cases/${c.id}`}>
                  {requestNoun(c.type).replace(/s$/, '')} {c.reference}
                </Link>{' '}
                · {stateWords(c.state)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="options-heading" aria-busy={options.isPending}>
        <h2 id="options-heading">What you can ask for now</h2>
        {options.error ? <ErrorNote error={options.error} /> : null}
        {options.isPending ? <Loading /> : null}
        {options.data && open.length === 0 ? (
          <p>There is nothing the shop’s policy lets you ask for right now.</p>
        ) : null}
        <ul className="portal-options">
          {open.map((opt) => (
            <li key={opt.type} className="card">
              <h3>{requestAction(opt.type)}</h3>
              {opt.resolutions.length > 0 ? <p>On offer: {orList(opt.resolutions.map(resolutionWords))}.</p> : null}
              {opt.outcome === 'needs_review' ? <p>The care team will look at this request.</p> : null}
              {opt.lines
                .filter((l) => l.outcome !== 'denied' && l.deadline)
                .map((l) => (
                  <p key={l.id} className="portal-deadline">
                    {requestNoun(opt.type)} for {l.title ?? 'this item'} close on{' '}
                    {formatLocalDate(l.deadline?.localDate ?? '')}.
                  </p>
                ))}
              {opt.reasons[0] ? <blockquote className="quote">{opt.reasons[0].quote}</blockquote> : null}
              <p>
                <Link
                  className="button"
                  to={`/shop/${shopId}/orders/${encodeURIComponent(o.number)}/request?type=${opt.type}`}
                >
                  {requestAction(opt.type)}
                </Link>
              </p>
            </li>
          ))}
        </ul>
        {closed.length > 0 ? (
          <>
            <h3>Not possible now</h3>
            <ul>
              {closed.map((opt) => (
                <li key={opt.type}>
                  <strong>{requestAction(opt.type)}</strong>
                  {opt.deadline ? ` (closed on ${formatLocalDate(opt.deadline.localDate)})` : ''}
                  {opt.reasons.map((r) => (
                    <blockquote key={`${r.clause}:${r.quote}`} className="quote">
                      {r.quote}
                    </blockquote>
                  ))}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </main>
  );
}

function ErrorPage({ error }: { error: unknown }) {
  return (
    <main id="main" className="page narrow">
      <h1>We could not show this order</h1>
      <ErrorNote error={error} />
    </main>
  );
}
