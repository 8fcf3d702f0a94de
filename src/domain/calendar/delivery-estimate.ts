import { FULFILLMENTS } from '../contract/case.schema.ts';
import type { ReasonCitation } from '../contract/decision.schema.ts';
import type { Profile, TimeStatement } from '../policy/policy.schema.ts';
import { parseInstant } from './parse-instant.ts';
import { addWorkingDays, type Destination, firstWorkingDayFrom, shipCalendar, shipWeekdays } from './ship-days.ts';
import { type ShopCalendar, shopCalendar } from './shop-calendar.ts';
import { civilDate, type DayNumber, type Instant } from './zoned-time.ts';

/** How a line is made: kept in stock or crafted after the order. */
export type Fulfillment = (typeof FULFILLMENTS)[number];

/** Two local dates (YYYY-MM-DD in the shop's time zone), both inclusive. */
export type DateRange = { from: string; to: string };

/**
 * A sentence of the policy saying the shop sends ready-to-ship lines ahead of
 * the rest ("We will ship out all Ready-to-ship items within your order first
 * for U.S orders"); `destination` limits it ("for U.S orders" = domestic).
 */
export type ReadyToShipFirst = { clause: string; quote: string; destination?: Destination };

/** The question "when will my order arrive?": the order's facts, times as ISO instants. */
export type DeliveryEstimateRequest = {
  placedAt: string;
  destination: Destination;
  lines: { fulfillment: Fulfillment; shippedAt?: string | null }[];
  /** When the whole order left the shop; a line's own `shippedAt` wins for that line. */
  shippedAt?: string | null;
  readyToShipFirst?: ReadyToShipFirst;
};

/** One parcel of the order: the kinds of goods in it, and when it leaves and arrives. */
export type ParcelEstimate = {
  fulfillment: Fulfillment[];
  shipped: boolean;
  shipBy: DateRange | null;
  deliveredBy: DateRange | null;
};

/**
 * When the order leaves and arrives, as local date ranges. With a split
 * shipment, the order's ranges run from the first parcel's earliest date to the
 * last parcel's latest. A range the policy gives no time for is null and
 * `missing` says which statement is lacking: "could not estimate", not a guess.
 */
export type DeliveryEstimate = {
  shipBy: DateRange | null;
  deliveredBy: DateRange | null;
  split: boolean;
  parcels: ParcelEstimate[];
  basis: ReasonCitation[];
  missing: string[];
};

type DayRange = { from: DayNumber; to: DayNumber };

const HOUR = 3_600_000;

/**
 * Estimates when an order ships and arrives from the shop's profile: processing
 * time per fulfillment (the slowest line decides unless the shop ships
 * ready-to-ship lines first), then the next ship day for the destination, then
 * transit time; once shipped, from the ship date. Each time statement used is
 * cited in `basis` with the shop's own sentence.
 */
export function estimateDelivery(profile: Profile, request: DeliveryEstimateRequest): DeliveryEstimate {
  const calendar = shopCalendar(profile);
  const shipping = shipCalendar(profile, request.destination);
  const placedAt = parseInstant(request.placedAt);
  const basis = new Basis();
  const missing = new Set<string>();
  const { destination } = request;

  const groups = groupLines(request);
  const first = request.readyToShipFirst;
  const split = first !== undefined && groups.length > 1 && (first.destination ?? destination) === destination;
  if (split) basis.add({ clause: first.clause, quote: first.quote, detail: 'ready-to-ship lines leave first' });
  const parcels = (split ? groups : [mergeGroups(groups)]).map((group): ParcelEstimate => {
    const fulfillment = group.fulfillment;
    let shipDays: DayRange | null;
    if (group.shippedAt !== null) {
      const day = calendar.zone.day(group.shippedAt);
      shipDays = { from: day, to: day };
    } else {
      const ready = slowest(
        fulfillment.map((f) => {
          const chosen = choose(profile.processing, f, destination);
          if (chosen.length === 0) missing.add(`processing time for ${f} goods`);
          for (const s of chosen)
            basis.add({ clause: s.id, quote: s.quote, detail: `${f}: ${describe(s)} from ordering` });
          return envelope(chosen.map((s) => span(s, calendar, calendar.zone.day(placedAt), placedAt)));
        }),
      );
      shipDays = ready && {
        from: firstWorkingDayFrom(shipping, ready.from),
        to: firstWorkingDayFrom(shipping, ready.to),
      };
      if (shipDays && profile.shipDays?.quote) {
        basis.add({
          clause: 'ship-days',
          quote: profile.shipDays.quote,
          detail: `${destination} parcels leave on ${shipWeekdays(profile, destination).join(', ')}, not on public holidays`,
        });
      }
    }
    let deliveredBy: DateRange | null = null;
    if (shipDays) {
      const from = shipDays;
      const transit = slowest(
        fulfillment.map((f) => {
          const chosen = choose(profile.delivery, f, destination);
          if (chosen.length === 0) missing.add(`delivery time for ${destination} orders`);
          for (const s of chosen) basis.add({ clause: s.id, quote: s.quote, detail: `${describe(s)} from shipping` });
          return envelope(
            chosen.map((s) => ({
              from: advance(s, 'min', calendar, from.from),
              to: advance(s, 'max', calendar, from.to),
            })),
          );
        }),
      );
      deliveredBy = transit && dates(transit);
    }
    return { fulfillment, shipped: group.shippedAt !== null, shipBy: shipDays && dates(shipDays), deliveredBy };
  });

  return {
    shipBy: spanOf(parcels.map((p) => p.shipBy)),
    deliveredBy: spanOf(parcels.map((p) => p.deliveredBy)),
    split,
    parcels,
    basis: basis.list,
    missing: [...missing],
  };
}

type Group = { fulfillment: Fulfillment[]; shippedAt: Instant | null };

/** Lines by fulfillment, ready-to-ship first; a group has shipped when all its lines have. */
function groupLines(request: DeliveryEstimateRequest): Group[] {
  const groups: Group[] = [];
  for (const f of FULFILLMENTS) {
    const lines = request.lines.filter((l) => l.fulfillment === f);
    if (lines.length === 0) continue;
    const shipped = lines.map((l) => l.shippedAt ?? request.shippedAt ?? null);
    const all = shipped.every((s) => s !== null);
    groups.push({
      fulfillment: [f],
      shippedAt: all ? Math.max(...shipped.map((s) => parseInstant(s as string))) : null,
    });
  }
  return groups;
}

/** One parcel for the whole order: it waits for the slowest line. */
function mergeGroups(groups: Group[]): Group {
  const shipped = groups.every((g) => g.shippedAt !== null);
  return {
    fulfillment: groups.flatMap((g) => g.fulfillment),
    shippedAt: shipped && groups.length > 0 ? Math.max(...groups.map((g) => g.shippedAt as Instant)) : null,
  };
}

/**
 * The statements that speak of these goods and this destination: those another
 * applicable statement overrides drop out, then the most specific remain (one
 * naming the fulfillment or destination beats one that names neither).
 */
function choose(statements: TimeStatement[], fulfillment: Fulfillment, destination: Destination): TimeStatement[] {
  const applicable = statements.filter(
    (s) =>
      (s.fulfillment === undefined || s.fulfillment === fulfillment) &&
      (s.destination === undefined || s.destination === destination),
  );
  const overridden = new Set(applicable.flatMap((s) => (s.overrides ?? []).map((o) => o.clause)));
  const standing = applicable.filter((s) => !overridden.has(s.id));
  const specificity = (s: TimeStatement) => (s.fulfillment ? 1 : 0) + (s.destination ? 1 : 0);
  const most = Math.max(...standing.map(specificity));
  return standing.filter((s) => specificity(s) === most);
}

/** The days a statement's range reaches from a start day; hours count from the instant when it is known. */
function span(s: TimeStatement, calendar: ShopCalendar, day: DayNumber, at?: Instant): DayRange {
  return { from: advance(s, 'min', calendar, day, at), to: advance(s, 'max', calendar, day, at) };
}

function advance(
  s: TimeStatement,
  end: 'min' | 'max',
  calendar: ShopCalendar,
  day: DayNumber,
  at?: Instant,
): DayNumber {
  const n = s[end];
  switch (s.unit) {
    case 'hours':
      return at === undefined ? day + Math.ceil(n / 24) : calendar.zone.day(at + n * HOUR);
    case 'days':
      return day + Math.ceil(n);
    case 'weeks':
      return day + Math.ceil(n * 7);
    case 'business_days':
      return addWorkingDays(calendar, day, Math.ceil(n));
  }
}

/** Several statements that stand together: the range covering them all. */
function envelope(ranges: DayRange[]): DayRange | null {
  if (ranges.length === 0) return null;
  return {
    from: Math.min(...ranges.map((r) => r.from)),
    to: Math.max(...ranges.map((r) => r.to)),
  };
}

/** Goods that travel together wait for the slowest: the latest start and the latest end; unknown if any is. */
function slowest(ranges: (DayRange | null)[]): DayRange | null {
  if (ranges.length === 0 || ranges.some((r) => r === null)) return null;
  const known = ranges as DayRange[];
  return { from: Math.max(...known.map((r) => r.from)), to: Math.max(...known.map((r) => r.to)) };
}

/** The order's range over its parcels: from the earliest to the latest; unknown if any parcel's is. */
function spanOf(ranges: (DateRange | null)[]): DateRange | null {
  if (ranges.length === 0 || ranges.some((r) => r === null)) return null;
  const known = ranges as DateRange[];
  const froms = known.map((r) => r.from).sort();
  const tos = known.map((r) => r.to).sort();
  return { from: froms[0] as string, to: tos[tos.length - 1] as string };
}

const isoDate = (day: DayNumber): string => {
  const { year, month, day: d } = civilDate(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

const dates = (r: DayRange): DateRange => ({ from: isoDate(r.from), to: isoDate(r.to) });

const describe = (s: TimeStatement) => `${s.min === s.max ? s.min : `${s.min} - ${s.max}`} ${s.unit.replace('_', ' ')}`;

/** Citations without repeats: a statement used for several parcels is cited once. */
class Basis {
  readonly list: ReasonCitation[] = [];
  add(r: ReasonCitation): void {
    if (!this.list.some((x) => x.clause === r.clause)) this.list.push(r);
  }
}
