import { parseInstant } from '../calendar/parse-instant.ts';
import type { Instant } from '../calendar/zoned-time.ts';
import type { Case, Condition, Line, Reason } from '../contract/case.schema.ts';
import { DomainError } from '../errors.ts';
import type { Anchor, Window } from '../policy/policy.schema.ts';

/** Facts of the whole case, read once. */
export type CaseFacts = {
  case: Case;
  now: Instant;
  placedAt: Instant;
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
  anchor(which: Anchor): Instant | null;
  /** The end of a window already computed for this line, if any: several clauses share a window. */
  knownEnd(window: Window): Instant | undefined;
  rememberEnd(window: Window, end: Instant): void;
};

/** The path in the case of the fact an anchor is read from, to name it when it is missing. */
export const ANCHOR_FIELDS: Record<Anchor, string> = {
  placement: 'order.placedAt',
  production_start: 'order.productionStartedAt',
  shipment: 'order.shippedAt',
  delivery: 'order.deliveredAt',
};

const parse = (iso: string | null | undefined): Instant | null => (iso ? parseInstant(iso) : null);

export function readCaseFacts(c: Case, shopCountry: string): CaseFacts {
  return new ReadCase(c, shopCountry);
}

/** Case facts as a class: the placement instant is read only when a window counts from it. */
class ReadCase implements CaseFacts {
  readonly case: Case;
  readonly now: Instant;
  readonly domestic: boolean;
  private placed: Instant | undefined;
  constructor(c: Case, shopCountry: string) {
    this.case = c;
    this.now = parseInstant(c.now);
    this.domestic = c.order.destinationCountry === shopCountry;
    this.placed = undefined;
  }
  get placedAt(): Instant {
    this.placed ??= parseInstant(this.case.order.placedAt);
    return this.placed;
  }
}

/**
 * The lines the request concerns, each with its own facts. An empty list means
 * the whole order. A line id the order does not have is the caller's mistake.
 */
export function readLineFacts(facts: CaseFacts): LineFacts[] {
  // Plain loops: this runs for every case, and a closure per call costs more than the work.
  const { order, request } = facts.case;
  const asked = request.lines;
  const lines: Line[] = asked.length === 0 ? order.lines : [];
  for (let i = 0; i < asked.length; i++) {
    const id = asked[i] as string;
    const line = lineById(order.lines, id);
    if (!line) throw unknownLine(id, ['request', 'lines', i], order.lines);
    if (!lines.includes(line)) lines.push(line);
  }
  const details = request.lineDetails ?? NO_DETAILS;
  for (let i = 0; i < details.length; i++) {
    const id = (details[i] as LineDetail).id;
    if (!lineById(order.lines, id)) throw unknownLine(id, ['request', 'lineDetails', i, 'id'], order.lines);
  }
  const orderAnchors = new OrderAnchors(facts);
  const out: LineFacts[] = [];
  for (const line of lines) {
    let detail: LineDetail | undefined;
    for (const d of details) if (d.id === line.id) detail = d;
    const units = Math.min(detail?.quantity ?? line.quantity, line.quantity);
    const lineTotal = line.unitPrice * line.quantity - (line.discount ?? 0);
    out.push(
      new ReadLine(
        line,
        detail?.reason ?? request.reason,
        detail?.condition ? { ...request.condition, ...detail.condition } : (request.condition ?? NO_CONDITION),
        units,
        Math.max(0, Math.round((lineTotal * units) / line.quantity)),
        orderAnchors,
      ),
    );
  }
  return out;
}

type LineDetail = NonNullable<Case['request']['lineDetails']>[number];
const NO_DETAILS: LineDetail[] = [];

function lineById(lines: Line[], id: string): Line | undefined {
  for (const line of lines) if (line.id === id) return line;
  return undefined;
}

const UNREAD = -Infinity;

/** The order's events, each parsed the first time a clause asks for it. */
class OrderAnchors {
  private production = UNREAD as Instant | null;
  private shipment = UNREAD as Instant | null;
  private delivery = UNREAD as Instant | null;
  constructor(private readonly facts: CaseFacts) {}
  get(which: Anchor): Instant | null {
    const order = this.facts.case.order;
    switch (which) {
      case 'placement':
        return this.facts.placedAt;
      case 'production_start':
        if (this.production === UNREAD) this.production = parse(order.productionStartedAt);
        return this.production;
      case 'shipment':
        if (this.shipment === UNREAD) this.shipment = parse(order.shippedAt);
        return this.shipment;
      case 'delivery':
        if (this.delivery === UNREAD) this.delivery = parse(order.deliveredAt);
        return this.delivery;
    }
  }
}

const NO_CONDITION: Condition = Object.freeze({});

/** Line facts as one class, so every line has the same shape; a line's own events override the order's. */
class ReadLine implements LineFacts {
  private shipment = UNREAD as Instant | null;
  private delivery = UNREAD as Instant | null;
  private windows: Window[] | undefined = undefined;
  private ends: Instant[] | undefined = undefined;
  constructor(
    readonly line: Line,
    readonly reason: Reason | undefined,
    readonly condition: Condition,
    readonly units: number,
    readonly paid: number,
    private readonly order: OrderAnchors,
  ) {}
  knownEnd(window: Window): Instant | undefined {
    const i = this.windows ? this.windows.indexOf(window) : -1;
    return i < 0 ? undefined : this.ends?.[i];
  }
  rememberEnd(window: Window, end: Instant): void {
    if (!this.windows || !this.ends) {
      this.windows = [window];
      this.ends = [end];
      return;
    }
    this.windows.push(window);
    this.ends.push(end);
  }
  anchor(which: Anchor): Instant | null {
    if (which === 'shipment' && this.line.shippedAt !== undefined) {
      if (this.shipment === UNREAD) this.shipment = parse(this.line.shippedAt);
      return this.shipment;
    }
    if (which === 'delivery' && this.line.deliveredAt !== undefined) {
      if (this.delivery === UNREAD) this.delivery = parse(this.line.deliveredAt);
      return this.delivery;
    }
    return this.order.get(which);
  }
}

function unknownLine(id: string, path: (string | number)[], lines: Line[]): DomainError {
  const known = lines.map((l) => l.id).join(', ');
  return new DomainError('UNKNOWN_LINE', `the order has no line "${id}" (its lines: ${known})`, [
    { code: 'unknown_line', path, message: `no line "${id}" in order.lines` },
  ]);
}
