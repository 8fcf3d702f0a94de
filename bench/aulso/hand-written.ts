import type { Instant } from '../../src/domain/calendar/zoned-time.ts';
import type { Case, Resolution } from '../../src/domain/contract/case.schema.ts';
import {
  type AulsoAnswer,
  type AulsoRule,
  CHANGE_OF_MIND,
  CHANGE_OF_MIND_HOURS,
  CUSTOMER_ORDERED_WRONG,
  combineLines,
  IN_SCOPE_REQUESTS,
  type LineAnswer,
  SHOP_ERROR_OR_FAULTY,
} from './answer.ts';
import { deliveryClock, type RequestedLine, selectLines } from './line-facts.ts';

const REFUND_OR_EXCHANGE: Resolution[] = ['refund', 'exchange'];

/**
 * Aulso's rules written by hand as plain `if`s: the ceiling a policy engine is
 * measured against. Reads the parsed case directly, with the shared date arithmetic.
 */
export function decideAulsoByHand(c: Case): AulsoAnswer {
  const now = Date.parse(c.now);
  return combineLines(selectLines(c).map((requested) => decideLine(c, requested, now)));
}

function decideLine(c: Case, { line, reason, condition }: RequestedLine, now: Instant): LineAnswer {
  const id = line.id;
  if (!IN_SCOPE_REQUESTS.includes(c.request.type)) return review(id, 'out-of-scope');
  if (c.order.paymentMethod === 'cash_on_delivery') return denied(id, 'cash-on-delivery');
  const shipment = c.request.returnShipment;
  if (shipment && shipment.authorized === false) return denied(id, 'unauthorized-return');
  if (shipment?.shippedAt && !shipment.trackingNumber) return denied(id, 'untracked-return');
  const clock = deliveryClock(c, line, now);
  if (clock.within30Days === false) return denied(id, 'past-30-days');
  if (line.category === 'earrings' && condition.worn === true) return denied(id, 'worn-earrings');
  if (
    condition.used === true ||
    condition.worn === true ||
    condition.damagedByCustomer === true ||
    condition.originalPackaging === false
  )
    return denied(id, 'not-original-condition');
  if (condition.tagsAttached === false) return denied(id, 'tags-removed');
  if (reason && CUSTOMER_ORDERED_WRONG.includes(reason)) return denied(id, 'customer-ordered-wrong');
  if (clock.within30Days && reason && SHOP_ERROR_OR_FAULTY.includes(reason))
    return approved(id, 'shop-error-or-faulty', 'shop', true);
  if (reason && CHANGE_OF_MIND.includes(reason) && clock.hoursSinceDelivery !== null) {
    if (clock.hoursSinceDelivery <= CHANGE_OF_MIND_HOURS) return approved(id, 'change-of-mind-72h', 'shop', false);
    return denied(id, 'change-of-mind-late');
  }
  if (clock.within30Days) return approved(id, 'within-30-days', 'customer', false);
  return review(id, 'delivery-unknown');
}

function approved(id: string, rule: AulsoRule, payer: 'shop' | 'customer', shippingRefunded: boolean): LineAnswer {
  return {
    id,
    rule,
    outcome: 'approved',
    resolutions: REFUND_OR_EXCHANGE,
    returnShippingPaidBy: payer,
    shippingRefunded,
  };
}

function denied(id: string, rule: AulsoRule): LineAnswer {
  return { id, rule, outcome: 'denied', resolutions: [], returnShippingPaidBy: null, shippingRefunded: false };
}

function review(id: string, rule: AulsoRule): LineAnswer {
  return { id, rule, outcome: 'needs_review', resolutions: [], returnShippingPaidBy: null, shippingRefunded: false };
}
