import { DateTime } from 'luxon';
import type { Case } from '../domain/contract/case.schema.ts';

/** An instant (epoch ms) as ISO 8601 in a time zone, to the second. */
export function formatInZone(ms: number, zone: string): string {
  const iso = DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
  if (!iso) throw new Error(`cannot format ${ms} in ${zone}`);
  return iso;
}

/**
 * The same case some weeks (or, in sevenths, days) earlier or later: every
 * instant moved by `weeks` in the shop's time zone, keeping its local time of
 * day, and for whole weeks its weekday, so day windows count the same.
 * Business days, holidays and clock changes can still differ; the caller
 * checks the shifted case still decides as the original did.
 */
export function shiftCase(c: Case, weeks: number, zone: string): Case {
  const shift = (iso: string) => {
    const moved = DateTime.fromISO(iso, { setZone: true })
      .setZone(zone)
      .plus({ days: Math.round(weeks * 7) })
      .toISO();
    if (!moved) throw new Error(`cannot shift ${iso}`);
    return moved;
  };
  const maybe = <T extends string | null | undefined>(iso: T): T => (typeof iso === 'string' ? (shift(iso) as T) : iso);
  const { order, request } = c;
  return {
    ...c,
    now: shift(c.now),
    order: {
      ...order,
      placedAt: shift(order.placedAt),
      productionStartedAt: maybe(order.productionStartedAt),
      shippedAt: maybe(order.shippedAt),
      deliveredAt: maybe(order.deliveredAt),
      lines: order.lines.map((l) => ({ ...l, shippedAt: maybe(l.shippedAt), deliveredAt: maybe(l.deliveredAt) })),
    },
    request: request.returnShipment
      ? {
          ...request,
          returnShipment: { ...request.returnShipment, shippedAt: maybe(request.returnShipment.shippedAt) },
        }
      : request,
  };
}
