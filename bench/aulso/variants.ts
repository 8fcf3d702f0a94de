import { DateTime } from 'luxon';
import { type Case, type CaseInput, CaseSchema, type Reason } from '../../src/domain/contract/case.schema.ts';
import type { NamedCase } from '../cases.ts';
import { AULSO_ZONE } from './line-facts.ts';

type Mutate = (c: CaseInput) => void;

const CLEAN = { used: false, worn: false, damagedByCustomer: false, originalPackaging: true, tagsAttached: true };
const REASONS: (Reason | undefined)[] = [
  'changed_mind',
  'not_as_expected',
  'wrong_size_ordered',
  'wrong_color_ordered',
  'wrong_item_sent',
  'wrong_size_sent',
  'wrong_color_sent',
  'wrong_material_sent',
  'arrived_damaged',
  'defective',
  'color_discrepancy',
  'tarnished',
  'wrong_material_ordered',
  'other',
  undefined,
];

/** Moments to ask, relative to delivery: across the 72-hour and the 30-calendar-day windows. */
const MOMENTS: [string, (delivered: DateTime) => DateTime][] = [
  ['+2h', (d) => d.plus({ hours: 2 })],
  ['+71h59m', (d) => d.plus({ hours: 71, minutes: 59 })],
  ['+72h exactly', (d) => d.plus({ hours: 72 })],
  ['+72h01m', (d) => d.plus({ hours: 72, minutes: 1 })],
  ['day 12', (d) => d.plus({ days: 12 })],
  ['last minute of day 30 (HK)', (d) => endOfDay30(d).minus({ minutes: 1 })],
  ['first minute of day 31 (HK)', (d) => endOfDay30(d).plus({ minutes: 1 })],
  ['day 45', (d) => d.plus({ days: 45 })],
];

const endOfDay30 = (d: DateTime) => d.setZone(AULSO_ZONE).startOf('day').plus({ days: 30 }).endOf('day');

/**
 * Variants of an Aulso worked case, generated so that every Aulso rule fires and
 * every window edge is crossed: reasons x moments, conditions, request types,
 * payment, return shipments, missing or per-line delivery, and mixed lines.
 */
export function aulsoVariants(base: Case): NamedCase[] {
  const out: NamedCase[] = [];
  const delivered = DateTime.fromISO(base.order.deliveredAt as string, { setZone: true });
  const at = (moment: (d: DateTime) => DateTime) => moment(delivered).toISO() as string;
  const add = (name: string, ...mutations: Mutate[]) => {
    const c = structuredClone(base) as CaseInput;
    c.request.condition = { ...CLEAN };
    c.request.lineDetails = undefined;
    for (const m of mutations) m(c);
    out.push({ name: `variant: ${name}`, case: CaseSchema.parse(c) });
  };
  const reason = (r: Reason | undefined): Mutate => {
    return (c) => {
      c.request.reason = r;
    };
  };
  const now = (iso: string): Mutate => {
    return (c) => {
      c.now = iso;
    };
  };
  const day5 = now(delivered.plus({ days: 5 }).toISO() as string);
  const hour10 = now(delivered.plus({ hours: 10 }).toISO() as string);

  for (const r of REASONS)
    for (const [label, moment] of MOMENTS) add(`${r ?? 'no reason'} at ${label}`, reason(r), now(at(moment)));

  const conditions: [string, CaseInput['request']['condition']][] = [
    ['worn', { ...CLEAN, worn: true }],
    ['used', { ...CLEAN, used: true }],
    ['damaged by customer', { ...CLEAN, damagedByCustomer: true }],
    ['no original packaging', { ...CLEAN, originalPackaging: false }],
    ['tags removed', { ...CLEAN, tagsAttached: false }],
    ['condition stated empty', {}],
    ['condition not stated', undefined],
    ['only unworn stated', { worn: false }],
  ];
  for (const category of ['earrings', 'necklace'] as const)
    for (const [label, condition] of conditions)
      for (const [r, when] of [
        ['changed_mind', hour10],
        ['defective', day5],
      ] as const)
        add(`${category}, ${label}, ${r}`, reason(r), when, (c) => {
          c.request.condition = condition;
          for (const l of c.order.lines) l.category = category;
        });

  for (const type of ['exchange', 'report_problem', 'warranty', 'cancel', 'change_address'] as const)
    add(`${type} request, defective`, reason('defective'), day5, (c) => {
      c.request.type = type;
    });

  for (const r of ['defective', 'changed_mind'] as const)
    add(`cash on delivery, ${r}`, reason(r), hour10, (c) => {
      c.order.paymentMethod = 'cash_on_delivery';
    });
  add('payment method unknown, defective', reason('defective'), day5, (c) => {
    c.order.paymentMethod = undefined;
  });

  const shipped = delivered.plus({ days: 6 }).toISO() as string;
  const shipments: [string, NonNullable<CaseInput['request']['returnShipment']>][] = [
    ['sent without authorization', { authorized: false, shippedAt: shipped, trackingNumber: 'RR1' }],
    ['authorized, shipped without tracking', { authorized: true, shippedAt: shipped }],
    ['authorized, shipped with tracking', { authorized: true, shippedAt: shipped, trackingNumber: 'RR2' }],
    ['authorized, not yet shipped', { authorized: true }],
    ['shipped with tracking, authorization unknown', { shippedAt: shipped, trackingNumber: 'RR3' }],
    ['nothing known', {}],
  ];
  for (const [label, shipment] of shipments)
    add(
      `return shipment ${label}, defective`,
      reason('defective'),
      now(delivered.plus({ days: 8 }).toISO() as string),
      (c) => {
        c.request.returnShipment = shipment;
      },
    );

  const undelivered: Mutate = (c) => {
    c.order.deliveredAt = undefined;
  };
  for (const r of ['defective', 'changed_mind', 'wrong_size_ordered'] as const)
    add(`no delivery date, ${r}`, reason(r), day5, undelivered);
  add('no delivery date, cash on delivery', reason('defective'), day5, undelivered, (c) => {
    c.order.paymentMethod = 'cash_on_delivery';
  });
  add('line delivered later than the order, defective at order day 40', reason('defective'), (c) => {
    c.now = delivered.plus({ days: 40 }).toISO() as string;
    for (const l of c.order.lines) l.deliveredAt = delivered.plus({ days: 35 }).toISO();
  });
  add('line delivery unknown though the order was delivered', reason('defective'), day5, (c) => {
    for (const l of c.order.lines) l.deliveredAt = null;
  });
  return out;
}

/** Two-line variants of Aulso's mixed-lines worked case: per-line reasons, conditions and deliveries. */
export function aulsoTwoLineVariants(base: Case): NamedCase[] {
  const out: NamedCase[] = [];
  const delivered = DateTime.fromISO(base.order.deliveredAt as string, { setZone: true });
  const add = (name: string, mutate: Mutate) => {
    const c = structuredClone(base) as CaseInput;
    mutate(c);
    out.push({ name: `variant: ${name}`, case: CaseSchema.parse(c) });
  };
  add('whole order (no line ids), both clean, change of mind in 72h', (c) => {
    c.request.lines = [];
    c.request.lineDetails = undefined;
  });
  add('earrings defective, bracelet change of mind after 72h', (c) => {
    c.now = delivered.plus({ days: 4 }).toISO() as string;
    c.request.lineDetails = [{ id: 'L1', reason: 'defective' }];
  });
  add('earrings wrong item sent, bracelet tags removed', (c) => {
    c.request.reason = 'wrong_item_sent';
    c.request.lineDetails = [{ id: 'L2', condition: { tagsAttached: false } }];
  });
  add('bracelet delivered 40 days earlier than the earrings, defective', (c) => {
    c.now = delivered.plus({ days: 5 }).toISO() as string;
    c.request.reason = 'defective';
    c.request.lineDetails = undefined;
    const l2 = c.order.lines[1];
    if (l2) l2.deliveredAt = delivered.minus({ days: 40 }).toISO();
  });
  add('only the bracelet, one of one unit, other reason', (c) => {
    c.request.lines = ['L2'];
    c.request.reason = 'other';
    c.request.lineDetails = [{ id: 'L2', quantity: 1 }];
  });
  return out;
}
