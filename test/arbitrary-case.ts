import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  CATEGORIES,
  type CaseInput,
  CONDITION_FACTS,
  DISCOUNT_KINDS,
  FULFILLMENTS,
  PAYMENT_METHODS,
  REASONS,
  REQUEST_TYPES,
} from '../src/domain/contract/case.schema.ts';

const HOUR = 3_600_000;
const ZONES = ['UTC', 'Asia/Hong_Kong', 'America/Los_Angeles', 'Europe/London', 'America/New_York', 'Asia/Shanghai'];

const iso = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISO() as string;

const condition = fc.record(
  Object.fromEntries(CONDITION_FACTS.map((k) => [k, fc.boolean()])) as Record<
    (typeof CONDITION_FACTS)[number],
    fc.Arbitrary<boolean>
  >,
  { requiredKeys: [] },
);

/** Any case the contract accepts for one of the given shops, with the order's timeline in a plausible order. */
export function arbitraryCase(shops: string[]): fc.Arbitrary<CaseInput> {
  return fc
    .record({
      shop: fc.constantFrom(...shops),
      zone: fc.constantFrom(...ZONES),
      placedAt: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
      productionAfter: fc.option(fc.integer({ min: 0, max: 24 * 20 }), { nil: undefined }),
      shippedAfter: fc.option(fc.integer({ min: 0, max: 24 * 30 }), { nil: undefined }),
      deliveredAfter: fc.option(fc.integer({ min: 1, max: 24 * 20 }), { nil: undefined }),
      askedAfter: fc.integer({ min: 0, max: 24 * 500 }),
      destinationCountry: fc.constantFrom('US', 'HK', 'CN', 'GB', 'FR', 'AU'),
      paymentMethod: fc.option(fc.constantFrom(...PAYMENT_METHODS), { nil: undefined }),
      discountKinds: fc.array(fc.constantFrom(...DISCOUNT_KINDS), { maxLength: 2 }),
      shippingPaid: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
      carrier: fc.option(
        fc.record(
          { confirmedLost: fc.boolean(), proofOfDelivery: fc.boolean(), returnedToSender: fc.boolean() },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      lines: fc.array(
        fc.record({
          category: fc.constantFrom(...CATEGORIES),
          fulfillment: fc.constantFrom(...FULFILLMENTS),
          personalized: fc.boolean(),
          finalSale: fc.boolean(),
          onSale: fc.boolean(),
          previousRemakeOrReplacement: fc.boolean(),
          unitPrice: fc.integer({ min: 0, max: 50_000 }),
          quantity: fc.integer({ min: 1, max: 3 }),
          discountShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
          ownDeliveryAfter: fc.option(fc.integer({ min: 1, max: 24 * 30 }), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      type: fc.constantFrom(...REQUEST_TYPES),
      pick: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      reason: fc.option(fc.constantFrom(...REASONS), { nil: undefined }),
      condition: fc.option(condition, { nil: undefined }),
      detailReason: fc.option(fc.constantFrom(...REASONS), { nil: undefined }),
      returnShipment: fc.option(fc.record({ authorized: fc.boolean(), tracked: fc.boolean() }), { nil: undefined }),
    })
    .map((g): CaseInput => {
      const at = (hours: number | undefined) =>
        hours === undefined ? undefined : iso(g.placedAt + hours * HOUR, g.zone);
      const shipped = g.shippedAfter;
      const delivered =
        shipped !== undefined && g.deliveredAfter !== undefined ? shipped + g.deliveredAfter : undefined;
      const lines = g.lines.map((l, i) => ({
        id: `L${i + 1}`,
        category: l.category,
        fulfillment: l.fulfillment,
        personalized: l.personalized,
        finalSale: l.finalSale,
        onSale: l.onSale,
        previousRemakeOrReplacement: l.previousRemakeOrReplacement,
        unitPrice: l.unitPrice,
        quantity: l.quantity,
        ...(l.discountShare !== undefined && { discount: Math.floor(l.unitPrice * l.quantity * l.discountShare) }),
        ...(l.ownDeliveryAfter !== undefined &&
          shipped !== undefined && { deliveredAt: at(shipped + l.ownDeliveryAfter) }),
      }));
      const picked = lines.filter((_, i) => g.pick[i]).map((l) => l.id);
      return {
        shop: g.shop,
        now: iso(g.placedAt + g.askedAfter * HOUR, g.zone),
        order: {
          number: 'PROP-1',
          placedAt: iso(g.placedAt, g.zone),
          currency: 'USD',
          destinationCountry: g.destinationCountry,
          ...(g.paymentMethod && { paymentMethod: g.paymentMethod }),
          discountCodes: g.discountKinds.map((kind, i) => ({ code: `CODE${i}`, kind })),
          ...(g.shippingPaid !== undefined && { shippingPaid: g.shippingPaid }),
          productionStartedAt: at(g.productionAfter) ?? null,
          shippedAt: at(shipped) ?? null,
          deliveredAt: at(delivered) ?? null,
          ...(g.carrier && { carrier: g.carrier }),
          lines,
        },
        request: {
          type: g.type,
          lines: picked,
          ...(g.reason && { reason: g.reason }),
          ...(g.condition && { condition: g.condition }),
          ...(g.detailReason && picked[0] && { lineDetails: [{ id: picked[0], reason: g.detailReason, quantity: 1 }] }),
          ...(g.returnShipment && {
            returnShipment: {
              authorized: g.returnShipment.authorized,
              ...(g.returnShipment.tracked && { trackingNumber: '1Z999' }),
            },
          }),
        },
      };
    });
}
