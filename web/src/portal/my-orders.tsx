import { Link } from 'react-router';
import { formatInstantDate, formatMoney } from '../ui/format';

type Order = {
  shop: string;
  number: string;
  placedAt: string;
  currency: string;
  totalCents: number;
  delivered: boolean;
  lines: { id: string; title: string | null; quantity: number }[];
};

/** A customer's orders with links to each, and back to the shop to order again when the shop gives its address. */
export function MyOrders({
  orders,
  timeZone,
  storefrontUrl,
}: {
  orders: Order[];
  timeZone: string;
  storefrontUrl?: string | undefined;
}) {
  if (orders.length === 0) return <p>We found no orders for this email.</p>;
  return (
    <ul className="portal-options">
      {orders.map((o) => (
        <li key={`${o.shop}/${o.number}`} className="card">
          <h3>
            <Link to={`/shop/${o.shop}/orders/${encodeURIComponent(o.number)}`}>Order {o.number}</Link>
          </h3>
          <p>
            Placed on {formatInstantDate(o.placedAt, timeZone)} · {formatMoney(o.totalCents, o.currency)}
            {o.delivered ? ' · delivered' : ''}
          </p>
          <p className="muted">
            {o.lines.map((l) => (l.quantity > 1 ? `${l.quantity} × ${l.title ?? l.id}` : (l.title ?? l.id))).join(', ')}
          </p>
          {storefrontUrl ? (
            <p>
              <a href={storefrontUrl}>Order again from the shop</a>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
