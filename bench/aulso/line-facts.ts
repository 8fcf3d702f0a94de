import { type Instant, zoneOf } from '../../src/domain/calendar/zoned-time.ts';
import type { Case, Condition, Line, Reason } from '../../src/domain/contract/case.schema.ts';

/** Aulso's time zone: its 30-day window is counted in Hong Kong calendar days. */
export const AULSO_ZONE = 'Asia/Hong_Kong';
const HONG_KONG = zoneOf(AULSO_ZONE);
const HOUR_MS = 3_600_000;

/** A line of the request with the request's reason and condition resolved for it. */
export type RequestedLine = { line: Line; reason: Reason | undefined; condition: Condition };

/** The lines a request concerns (empty list = the whole order), with per-line details applied. */
export function selectLines(c: Case): RequestedLine[] {
  const { order, request } = c;
  const lines =
    request.lines.length === 0 ? order.lines : [...new Set(request.lines)].map((id) => lineById(order.lines, id));
  return lines.map((line) => {
    const detail = request.lineDetails?.find((d) => d.id === line.id);
    return {
      line,
      reason: detail?.reason ?? request.reason,
      condition: detail?.condition ? { ...request.condition, ...detail.condition } : (request.condition ?? {}),
    };
  });
}

function lineById(lines: Line[], id: string): Line {
  const line = lines.find((l) => l.id === id);
  if (!line) throw new Error(`no line ${id} in the order`);
  return line;
}

/** How far `now` is from a line's delivery: the facts every Aulso implementation computes the same way. */
export type DeliveryClock = { delivered: boolean; within30Days: boolean | null; hoursSinceDelivery: number | null };

/**
 * The one piece of date arithmetic all implementations share, with the same
 * zone arithmetic Loupe uses (src/domain/calendar/zoned-time.ts). "30 days from
 * the date of delivery" is calendar days in Hong Kong, inclusive of the 30th
 * (contract README); "within 72 hours of receiving them" is an exact duration.
 */
export function deliveryClock(c: Case, line: Line, now: Instant): DeliveryClock {
  // A line's own deliveredAt (even null) overrides the order's: split shipments.
  const iso = line.deliveredAt !== undefined ? line.deliveredAt : c.order.deliveredAt;
  if (!iso) return { delivered: false, within30Days: null, hoursSinceDelivery: null };
  const delivered = Date.parse(iso);
  const windowEnd = HONG_KONG.endOfDay(HONG_KONG.day(delivered) + 30);
  return {
    delivered: true,
    within30Days: now <= windowEnd,
    hoursSinceDelivery: (now - delivered) / HOUR_MS,
  };
}

/** Flat facts of one line, as a rules engine without date arithmetic needs them; a missing fact is null. */
export type AulsoLineFacts = DeliveryClock & {
  lineId: string;
  requestType: string;
  paymentMethod: string | null;
  returnSent: boolean;
  returnAuthorized: boolean | null;
  returnUntracked: boolean;
  category: string;
  reason: string | null;
  used: boolean | null;
  worn: boolean | null;
  damagedByCustomer: boolean | null;
  originalPackaging: boolean | null;
  tagsAttached: boolean | null;
};

/**
 * Prepares the facts json-rules-engine and ZEN evaluate. Both benchmarks call it
 * inside the timed function: it is work Loupe's engine and the hand-written
 * function do for themselves.
 */
export function aulsoLineFacts(c: Case): AulsoLineFacts[] {
  const now = Date.parse(c.now);
  const shipment = c.request.returnShipment;
  return selectLines(c).map(({ line, reason, condition }) => ({
    lineId: line.id,
    requestType: c.request.type,
    paymentMethod: c.order.paymentMethod ?? null,
    returnSent: shipment !== undefined,
    returnAuthorized: shipment?.authorized ?? null,
    returnUntracked: Boolean(shipment?.shippedAt) && !shipment?.trackingNumber,
    ...deliveryClock(c, line, now),
    category: line.category,
    reason: reason ?? null,
    used: condition.used ?? null,
    worn: condition.worn ?? null,
    damagedByCustomer: condition.damagedByCustomer ?? null,
    originalPackaging: condition.originalPackaging ?? null,
    tagsAttached: condition.tagsAttached ?? null,
  }));
}
