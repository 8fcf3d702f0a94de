import { DateTime } from 'luxon';
import type { Case, Condition, Line, Reason } from '../contract/case.schema.ts';
import { DomainError } from '../errors.ts';
import type { Anchor } from '../policy/policy.schema.ts';

/** Facts of the whole case, read once. */
export type CaseFacts = {
  case: Case;
  now: DateTime;
  placedAt: DateTime;
  domestic: boolean;
};

/** Facts of one line of the request, with the request's reason and condition resolved for it. */
export type LineFacts = {
  line: Line;
  reason: Reason | undefined;
  condition: Condition;
  /** Units of the line concerned by the request. */
  units: number;
  /** What the customer paid for those units, in minor units. */
  paid: number;
  anchor(which: Anchor): DateTime | null;
};

/** The path in the case of the fact an anchor is read from, to name it when it is missing. */
export const ANCHOR_FIELDS: Record<Anchor, string> = {
  placement: 'order.placedAt',
  production_start: 'order.productionStartedAt',
  shipment: 'order.shippedAt',
  delivery: 'order.deliveredAt',
};

const parse = (iso: string | null | undefined): DateTime | null =>
  iso ? DateTime.fromISO(iso, { setZone: true }) : null;

export function readCaseFacts(c: Case, shopCountry: string): CaseFacts {
  return {
    case: c,
    now: DateTime.fromISO(c.now, { setZone: true }),
    placedAt: DateTime.fromISO(c.order.placedAt, { setZone: true }),
    domestic: c.order.destinationCountry === shopCountry,
  };
}

/**
 * The lines the request concerns, each with its own facts. An empty list means
 * the whole order. A line id the order does not have is the caller's mistake.
 */
export function readLineFacts(facts: CaseFacts): LineFacts[] {
  const { order, request } = facts.case;
  const byId = new Map(order.lines.map((l) => [l.id, l]));
  request.lines.forEach((id, i) => {
    if (!byId.has(id)) throw unknownLine(id, ['request', 'lines', i], order.lines);
  });
  const details = new Map<string, NonNullable<typeof request.lineDetails>[number]>();
  request.lineDetails?.forEach((d, i) => {
    if (!byId.has(d.id)) throw unknownLine(d.id, ['request', 'lineDetails', i, 'id'], order.lines);
    details.set(d.id, d);
  });
  const ids = request.lines.length > 0 ? [...new Set(request.lines)] : order.lines.map((l) => l.id);
  const orderAnchors = {
    placement: facts.placedAt,
    production_start: parse(order.productionStartedAt),
    shipment: parse(order.shippedAt),
    delivery: parse(order.deliveredAt),
  };
  return ids.map((id) => {
    const line = byId.get(id) as Line;
    const detail = details.get(id);
    const units = Math.min(detail?.quantity ?? line.quantity, line.quantity);
    const lineTotal = line.unitPrice * line.quantity - (line.discount ?? 0);
    const paid = Math.max(0, Math.round((lineTotal * units) / line.quantity));
    const shipment = line.shippedAt !== undefined ? parse(line.shippedAt) : orderAnchors.shipment;
    const delivery = line.deliveredAt !== undefined ? parse(line.deliveredAt) : orderAnchors.delivery;
    const anchors: Record<Anchor, DateTime | null> = { ...orderAnchors, shipment, delivery };
    return {
      line,
      reason: detail?.reason ?? request.reason,
      condition: { ...request.condition, ...detail?.condition },
      units,
      paid,
      anchor: (which) => anchors[which],
    };
  });
}

function unknownLine(id: string, path: (string | number)[], lines: Line[]): DomainError {
  const known = lines.map((l) => l.id).join(', ');
  return new DomainError('UNKNOWN_LINE', `the order has no line "${id}" (its lines: ${known})`, [
    { code: 'unknown_line', path, message: `no line "${id}" in order.lines` },
  ]);
}
