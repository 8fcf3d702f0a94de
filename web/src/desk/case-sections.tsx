import { formatInstant, formatMoney, words } from '../ui/format';
import { TableScroll } from '../ui/table-scroll';
import type { CaseLedger, CaseView, OrderView } from './desk-types';
import { paymentWords } from './payment-words';
import type { Shop } from './staff-shops';
import { timelineNotes } from './timeline-notes';

const DUE_WORDS = {
  respond: 'the shop’s reply',
  ship_back: 'the customer’s parcel',
  resolve: 'the resolution',
} as const;

/** The case at a glance: what it is, where it stands, what it waits on. */
export function CaseSummary({ view, shop }: { view: CaseView; shop: Shop }) {
  const at = (iso: string | null) => (iso ? formatInstant(iso, shop.timeZone) : '—');
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <dl className="case-facts">
        <dt>Shop</dt>
        <dd>{shop.name}</dd>
        <dt>Type</dt>
        <dd>{words(view.type)}</dd>
        <dt>State</dt>
        <dd>
          <span className="badge">{words(view.state)}</span>
        </dd>
        {view.due ? (
          <>
            <dt>Waiting on</dt>
            <dd>
              {DUE_WORDS[view.due.kind]}, due {at(view.due.at)}{' '}
              {view.due.overdue ? <span className="badge overdue">Overdue</span> : null}
            </dd>
          </>
        ) : null}
        <dt>Reply by</dt>
        <dd>{at(view.deadlines.respondsBy)}</dd>
        <dt>Ship back by</dt>
        <dd>{at(view.deadlines.shipBy)}</dd>
        <dt>Resolve by</dt>
        <dd>{at(view.deadlines.resolutionBy)}</dd>
        {view.authorizationNumber ? (
          <>
            <dt>Authorization</dt>
            <dd>{view.authorizationNumber}</dd>
          </>
        ) : null}
        {view.returnAddress ? (
          <>
            <dt>Return address</dt>
            <dd>{view.returnAddress}</dd>
          </>
        ) : null}
        {view.returnTrackingNumber ? (
          <>
            <dt>Return tracking</dt>
            <dd>{view.returnTrackingNumber}</dd>
          </>
        ) : null}
        <dt>Opened</dt>
        <dd>{at(view.createdAt)}</dd>
      </dl>
    </section>
  );
}

/** The decision in force and the shop's own sentences behind it. */
export function CaseDecision({ view, shop }: { view: CaseView; shop: Shop }) {
  const d = view.decision;
  const currency = view.money?.currency ?? d?.money.currency ?? shop.currency;
  return (
    <section className="card" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      {d ? (
        <>
          <p>
            <strong>{words(view.outcome ?? d.outcome)}</strong>
            {view.outcome && view.outcome !== d.outcome ? ` (the policy said ${words(d.outcome)})` : ''} under policy{' '}
            {view.policyVersion?.version ?? d.policyVersion}
          </p>
          <dl className="case-facts">
            <dt>Remedies offered</dt>
            <dd>{d.resolutions.length ? d.resolutions.map(words).join(', ') : 'none'}</dd>
            <dt>Goods back</dt>
            <dd>
              {d.returnRequired
                ? `yes, return shipping ${d.returnShippingPaidBy === 'shop' ? 'paid by the shop' : d.returnShippingPaidBy === 'customer' ? 'at the customer’s cost' : 'not said'}`
                : 'no'}
            </dd>
            <dt>Can come back</dt>
            <dd>{formatMoney(view.money?.refundableCents ?? 0, currency)}</dd>
            {d.money.restockingFee > 0 ? (
              <>
                <dt>Restocking fee</dt>
                <dd>{formatMoney(d.money.restockingFee, currency)}</dd>
              </>
            ) : null}
            {d.requirements.length ? (
              <>
                <dt>Needs</dt>
                <dd>{d.requirements.map(words).join(', ')}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : (
        <p>No decision yet.</p>
      )}
      {view.reasons.length ? (
        <>
          <h3>Because</h3>
          <ul className="reasons">
            {view.reasons.map((r) => (
              <li key={`${r.clause}-${r.quote}`}>
                <blockquote className="quote">{r.quote}</blockquote>
                <p className="hint">
                  Clause {r.clause}
                  {r.detail ? `: ${r.detail}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** The order the case is about: its lines and dates. */
export function CaseOrder({ order, shop }: { order: OrderView; shop: Shop }) {
  const o = order.order;
  const at = (iso: string | null | undefined) => (iso ? formatInstant(iso, shop.timeZone) : '—');
  return (
    <section className="card" aria-labelledby="order-heading">
      <h2 id="order-heading">Order {order.number}</h2>
      <dl className="case-facts">
        <dt>Customer</dt>
        <dd>
          {order.customer.name ? `${order.customer.name}, ` : ''}
          {order.customer.email}
        </dd>
        <dt>Placed</dt>
        <dd>{at(o.placedAt)}</dd>
        <dt>Delivered</dt>
        <dd>{at(o.deliveredAt)}</dd>
        {o.productionStartedAt ? (
          <>
            <dt>Production started</dt>
            <dd>{at(o.productionStartedAt)}</dd>
          </>
        ) : null}
        <dt>Paid with</dt>
        <dd>{o.paymentMethod ? paymentWords(o.paymentMethod) : '—'}</dd>
      </dl>
      <TableScroll label={`Lines of order ${order.number}`}>
        <table>
          <caption className="visually-hidden">Lines of order {order.number}</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Item</th>
              <th scope="col">Qty</th>
              <th scope="col">Price</th>
            </tr>
          </thead>
          <tbody>
            {o.lines.map((l) => (
              <tr key={l.id}>
                <td>{l.id}</td>
                <td>
                  {l.title ?? l.sku ?? words(l.category)}
                  {l.personalized ? ' (personalised)' : ''}
                  {l.fulfillment === 'made_to_order' ? ' (made to order)' : ''}
                </td>
                <td>{l.quantity}</td>
                <td>{formatMoney(l.unitPrice, o.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** Every money movement of the case and what is left to give back. */
export function CaseLedgerSection({ ledger, shop }: { ledger: CaseLedger; shop: Shop }) {
  const currency = ledger.currency ?? shop.currency;
  const money = (c: number) => formatMoney(c, currency);
  return (
    <section className="card" aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Ledger</h2>
      <dl className="case-facts">
        <dt>Can come back</dt>
        <dd>{money(ledger.refundableCents)}</dd>
        <dt>Given back</dt>
        <dd>{money(ledger.refundedCents)}</dd>
        <dt>Left to give back</dt>
        <dd>{money(ledger.leftToRefundCents)}</dd>
        {ledger.chargedCents > 0 ? (
          <>
            <dt>Charged</dt>
            <dd>{money(ledger.chargedCents)}</dd>
          </>
        ) : null}
      </dl>
      {ledger.entries.length ? (
        <TableScroll label="Ledger entries, oldest first">
          <table>
            <caption className="visually-hidden">Ledger entries, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Amount</th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {ledger.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatInstant(e.createdAt, shop.timeZone)}</td>
                  <td>{words(e.kind)}</td>
                  <td>{formatMoney(e.amountCents, e.currency)}</td>
                  <td>
                    {e.method ? paymentWords(e.method) : ''}
                    {e.reference ? ` ${e.reference}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">No money has moved on this case.</p>
      )}
    </section>
  );
}

/** The audit trail: who did what, when, from which state to which. */
export function CaseTimeline({ view, shop }: { view: CaseView; shop: Shop }) {
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline">
        {view.timeline.map((t, i) => {
          const { reason, followUpOrder } = timelineNotes(t.detail);
          return (
            <li
              key={`${t.at}-${t.action}-${t.actor}-${t.to}`}
              className={i === view.timeline.length - 1 ? 'current' : 'done'}
            >
              {formatInstant(t.at, shop.timeZone)}: {words(t.action)} by {t.actor}
              {t.from && t.to && t.from !== t.to ? ` (${words(t.from)} → ${words(t.to)})` : ''}
              {reason ? <div className="hint">“{reason}”</div> : null}
              {followUpOrder ? <div className="hint">{followUpOrder}</div> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
