// A case is opened allowing at most what is left of its order's money once
// the shop's refunds outside Loupe are taken off (`leftToRefundCents`). When a
// re-import says Shopify refunded more, or cancelled the order, after a case
// was opened, the case must not give that money back a second time: its cap
// comes down to what is left now, never below what it already refunded.
import type { LoupeDatabase } from '../database.ts';
import { runPositional } from '../statements.ts';

/**
 * `$1` the orders' ids, `$2` who re-imported them (as the audit log names
 * them), `$3` when. What is left is computed as `leftToRefundCents` does: the
 * lines less their discounts, plus shipping, less the refunds outside Loupe;
 * nothing for a cancelled order. One audit entry a lowered case.
 */
export const LOWER_CASE_REFUND_CAPS = `
  with order_left as (
    select o.id as order_id,
      case when o.cancelled_at is not null then 0 else greatest(0,
        coalesce(o.shipping_paid_cents, 0)
        + coalesce((select sum(greatest(0, l.unit_price_cents * l.quantity - l.discount_cents))
                    from order_lines l where l.order_id = o.id), 0)
        - o.refunded_outside_cents) end as cents
    from orders o where o.id = any($1::text[])
  ), lowered as (
    update case_money m set refundable_cents = greatest(m.refunded_cents, l.cents)
    from cases c, order_left l, case_money before
    where c.id = m.case_id and l.order_id = c.order_id and before.case_id = m.case_id
      and m.refundable_cents > greatest(m.refunded_cents, l.cents)
    returning m.case_id, c.shop_id, c.policy_version_id, before.refundable_cents as from_cents,
      m.refundable_cents as to_cents, m.currency
  )
  insert into audit_log (shop_id, case_id, actor, action, policy_version_id, detail, at)
  select shop_id, case_id, $2::text, 'lower_refund_cap', policy_version_id,
    jsonb_build_object('fromCents', from_cents, 'toCents', to_cents, 'currency', currency,
      'reason', 'the order was refunded or cancelled outside Loupe'),
    $3::timestamptz
  from lowered
  order by case_id
  returning case_id`;

/** Lowers the refund caps of these orders' cases to what is left of each order (see LOWER_CASE_REFUND_CAPS); answers the cases lowered. */
export async function lowerCaseRefundCaps(
  db: LoupeDatabase,
  orderIds: readonly string[],
  actor: string,
  at: Date,
): Promise<string[]> {
  if (orderIds.length === 0) return [];
  const lowered = await runPositional<{ case_id: string }>(db, LOWER_CASE_REFUND_CAPS, [orderIds, actor, at]);
  return lowered.map((r) => r.case_id);
}
