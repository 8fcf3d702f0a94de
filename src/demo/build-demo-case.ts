import type { CaseInput, Condition, Reason, RequestType } from '../domain/contract/case.schema.ts';
import type { Anchor, Policy, Window } from '../domain/policy/policy.schema.ts';
import { type DemoProduct, demoShop } from './demo-catalogue.ts';
import type { SeededRandom } from './seeded-random.ts';
import { formatInZone } from './shift-case.ts';
import type { Plan } from './when-plans.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const EVENTS: readonly Anchor[] = ['placement', 'production_start', 'shipment', 'delivery'];

/** Requests that come before the goods leave: the order is usually not shipped yet. */
const BEFORE_SHIPPING = new Set<RequestType>(['cancel', 'change_address', 'change_shipping', 'change_item']);
/** Reasons about a parcel that never arrived where it should. */
const UNDELIVERED = new Set<Reason>([
  'lost_in_transit',
  'not_received',
  'returned_to_sender',
  'customs_refused',
  'wrong_address_by_customer',
  'wrong_address_by_shop',
]);

/** The reasons to try, in turn, when a clause does not name one. */
export function defaultReasons(type: RequestType): (Reason | undefined)[] {
  switch (type) {
    case 'return':
    case 'exchange':
      return ['changed_mind', 'not_as_expected', 'wrong_size_ordered', 'other', undefined];
    case 'warranty':
      return ['defective', 'needs_repair', 'tarnished'];
    case 'report_problem':
      return ['arrived_damaged', 'defective', 'not_received', 'other'];
    case 'cancel':
      return ['changed_mind', undefined];
    default:
      return [undefined];
  }
}

/**
 * A case with the facts a plan asks for, and plausible ones everywhere else:
 * a product from the shop's demo catalogue, an order whose events run in
 * order up to `now` (placed, made, shipped, delivered, as far as the plan and
 * the request need), windows met from inside (at `insideAt` of their
 * length, half-way by default) or from outside by a margin. The
 * order's number is left for the caller to give.
 */
export function buildDemoCase(
  policy: Policy,
  plan: Plan,
  reason: Reason | undefined,
  now: number,
  random: SeededRandom,
  insideAt = 0.5,
): CaseInput {
  const shop = demoShop(policy.id);
  const zone = policy.profile.timeZone;
  const type = plan.request ?? 'return';
  const product = pickProduct(shop.products, plan, random);
  const events = timeline(plan, type, reason, product, now, insideAt);
  const at = (e: Anchor) => {
    const t = events.get(e);
    return t === undefined ? null : formatInZone(t, zone);
  };
  const domestic =
    plan.domestic ?? (plan.destinationCountry ? plan.destinationCountry === policy.profile.country : true);
  const destinationCountry = plan.destinationCountry ?? (domestic ? policy.profile.country : shop.abroad);
  const percentOff = plan.discount === 'first_order' ? 15 : plan.discount && plan.discount !== 'none' ? 20 : 0;
  const lineDiscount = Math.round((product.unitPrice * (plan.onSale ? 25 : percentOff)) / 100);
  const material = plan.material ?? (lacksAll(product.material, plan.materialLacks) ? product.material : undefined);
  const tags = plan.tag ? [plan.tag] : undefined;

  const shipped = events.has('shipment') || events.has('delivery');
  const carrierName = domestic ? shop.carriers.domestic : shop.carriers.international;
  const line = {
    id: 'L1',
    sku: product.sku,
    title: product.title,
    category: product.category,
    fulfillment: product.fulfillment,
    unitPrice: product.unitPrice,
    quantity: 1,
    ...(product.personalized ? { personalized: true } : {}),
    ...(plan.finalSale ? { finalSale: true } : {}),
    ...(plan.onSale ? { onSale: true } : {}),
    ...(plan.previousRemakeOrReplacement ? { previousRemakeOrReplacement: true } : {}),
    ...(lineDiscount > 0 ? { discount: lineDiscount } : {}),
    ...(material ? { material } : {}),
    ...(tags ? { tags } : {}),
  };
  const extra = random.chance(0.3)
    ? shop.products.find((p) => p !== product && p.category !== product.category)
    : undefined;
  const lines = extra
    ? [
        line,
        {
          id: 'L2',
          sku: extra.sku,
          title: extra.title,
          category: extra.category,
          fulfillment: extra.fulfillment,
          unitPrice: extra.unitPrice,
          quantity: 1,
          ...(extra.personalized ? { personalized: true } : {}),
        },
      ]
    : [line];

  return {
    shop: policy.id,
    now: formatInZone(now, zone),
    order: {
      number: 'DEMO',
      placedAt: at('placement') as string,
      currency: policy.profile.currency,
      destinationCountry,
      paymentMethod: plan.paymentMethod ?? random.pick(['card', 'card', 'paypal', 'apple_pay'] as const),
      ...(plan.discount && plan.discount !== 'none'
        ? { discountCodes: [discountCode(plan.discount, percentOff)] }
        : {}),
      shippingPaid: domestic ? random.pick([0, 600, 800]) : 1800,
      ...(events.has('production_start') || plan.productionStarted === false || product.fulfillment === 'made_to_order'
        ? { productionStartedAt: at('production_start') }
        : {}),
      shippedAt: at('shipment'),
      deliveredAt: at('delivery'),
      ...(shipped || plan.carrier
        ? { carrier: { name: carrierName, trackingNumber: trackingNumber(random), ...plan.carrier } }
        : {}),
      lines,
    },
    request: {
      type,
      lines: ['L1'],
      ...(reason ? { reason } : {}),
      ...(BEFORE_SHIPPING.has(type) ? {} : { condition: { ...defaultCondition(type), ...plan.condition } }),
      ...(plan.returnShipment ? { returnShipment: returnShipment(plan.returnShipment, now, zone, random) } : {}),
    },
  };
}

function defaultCondition(type: RequestType): Condition {
  if (type === 'warranty') return { used: true, worn: true, damagedByCustomer: false };
  return { used: false, worn: false, damagedByCustomer: false, originalPackaging: true, tagsAttached: true };
}

function pickProduct(products: DemoProduct[], plan: Plan, random: SeededRandom): DemoProduct {
  const category = plan.giftCard ? 'gift_card' : plan.category;
  const fits = (p: DemoProduct) =>
    (category === undefined ? p.category !== 'gift_card' || plan.giftCard === true : p.category === category) &&
    (plan.giftCard === false ? p.category !== 'gift_card' : true) &&
    (plan.fulfillment === undefined || p.fulfillment === plan.fulfillment) &&
    (plan.personalized === undefined || Boolean(p.personalized) === plan.personalized);
  const found = products.filter(fits);
  if (found.length > 0) return random.pick(found);
  // No such product in the catalogue: adapt the nearest one.
  const base = random.pick(products.filter((p) => p.category !== 'gift_card'));
  const adapted: DemoProduct = { ...base };
  if (category) adapted.category = category;
  if (category === 'gift_card') adapted.title = 'Gift Card';
  if (plan.fulfillment) adapted.fulfillment = plan.fulfillment;
  if (plan.personalized !== undefined) adapted.personalized = plan.personalized;
  return adapted;
}

/** When each event of the order happened, as far as the order got by `now`. */
function timeline(
  plan: Plan,
  type: RequestType,
  reason: Reason | undefined,
  product: DemoProduct,
  now: number,
  insideAt: number,
): Map<Anchor, number> {
  const fixed = new Map<Anchor, number>();
  for (const { window, inside } of plan.windows ?? []) {
    if (fixed.has(window.from)) continue;
    const length = approximateLength(window);
    fixed.set(window.from, inside ? now - length * insideAt : now - length * 1.5 - 2 * DAY);
  }
  // How far the order got: 0 placed, 1 in production, 2 shipped, 3 delivered.
  let stage = BEFORE_SHIPPING.has(type) ? 0 : reason && UNDELIVERED.has(reason) ? 2 : 3;
  if (plan.shipped === false) stage = Math.min(stage, 1);
  if (plan.delivered === false) stage = Math.min(stage, 2);
  if (plan.shipped === true) stage = Math.max(stage, 2);
  if (plan.delivered === true) stage = 3;
  for (const e of fixed.keys()) stage = Math.max(stage, EVENTS.indexOf(e));
  const made =
    plan.productionStarted ??
    (fixed.has('production_start') || (product.fulfillment === 'made_to_order' && stage >= 1));
  if (made) stage = Math.max(stage, 1);
  const present = EVENTS.filter((e, i) => i <= stage && (e !== 'production_start' || made));

  const times = new Map<Anchor, number>();
  let next = now;
  for (let i = present.length - 1; i >= 0; i--) {
    const e = present[i] as Anchor;
    const last = i === present.length - 1;
    const lowest = Math.max(...present.slice(0, i).map((p) => fixed.get(p) ?? Number.NEGATIVE_INFINITY));
    let t = fixed.get(e) ?? next - gapBefore(e, last, product);
    if (!fixed.has(e) && t <= lowest) t = lowest + (next - lowest) / 2;
    times.set(e, Math.round(t / 60_000) * 60_000);
    next = t;
  }
  return times;
}

function gapBefore(e: Anchor, last: boolean, product: DemoProduct): number {
  if (last) return { placement: HOUR, production_start: 12 * HOUR, shipment: 2 * DAY, delivery: 30 * HOUR }[e];
  const making = product.fulfillment === 'made_to_order' ? 9 * DAY : 2 * DAY;
  return { placement: DAY, production_start: making, shipment: 5 * DAY, delivery: 0 }[e];
}

function approximateLength(w: Window): number {
  if (w.hours) return w.hours * HOUR;
  if (w.days) return w.days * DAY;
  if (w.businessDays) return (w.businessDays * 7 * DAY) / 5 + 3 * DAY;
  if (w.months) return w.months * 30.5 * DAY;
  return (w.years ?? 1) * 365.25 * DAY;
}

function lacksAll(material: string | undefined, lacks: string[] | undefined): boolean {
  return !material || !lacks?.some((m) => material.toLowerCase().includes(m.toLowerCase()));
}

function discountCode(kind: NonNullable<Plan['discount']>, percentOff: number) {
  if (kind === 'first_order') return { code: 'WELCOME15', kind, percentOff };
  return { code: kind === 'promotion' ? 'SPRING20' : 'FRIENDS20', kind: kind as 'promotion' | 'other', percentOff };
}

function returnShipment(rs: NonNullable<Plan['returnShipment']>, now: number, zone: string, random: SeededRandom) {
  const tracked = rs.tracked ?? rs.sent === true;
  const sent = rs.sent ?? rs.tracked !== undefined;
  return {
    ...(rs.authorized !== undefined ? { authorized: rs.authorized } : {}),
    ...(sent && tracked ? { trackingNumber: trackingNumber(random) } : {}),
    ...(sent ? { shippedAt: formatInZone(now - DAY, zone) } : {}),
  };
}

/** A tracking number shaped like a postal one. */
export function trackingNumber(random: SeededRandom): string {
  let digits = '';
  for (let i = 0; i < 18; i++) digits += String(random.int(0, 9));
  return `9400${digits}`;
}
