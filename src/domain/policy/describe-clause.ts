import type { Requirement } from '../contract/decision.schema.ts';
import { describeLength } from '../decide/windows.ts';
import type { Anchor, Clause, Policy, Then, When, Window } from './policy.schema.ts';

const REQUEST_NOUNS: Record<NonNullable<When['request']>[number], string> = {
  cancel: 'cancellations',
  change_address: 'address changes',
  change_shipping: 'shipping changes',
  change_item: 'item changes',
  return: 'returns',
  exchange: 'exchanges',
  warranty: 'warranty claims',
  report_problem: 'problem reports',
};

const ANCHOR_NOUNS: Record<Anchor, string> = {
  placement: 'ordering',
  production_start: 'the start of production',
  shipment: 'shipping',
  delivery: 'delivery',
};

const REQUIREMENT_WORDS: Record<Requirement, string> = {
  prior_authorization: 'our approval before sending anything back',
  original_packaging: 'the original packaging',
  tags_attached: 'tags attached',
  unworn: 'the item unworn',
  tracking_number: 'a tracking number',
  packing_slip: 'the packing slip',
  proof_of_postage: 'proof of postage',
  photos: 'photos',
  order_number_note: 'a note with the order number',
  inspection: 'our inspection of the item',
  courier_investigation: 'a courier investigation',
};

type Flag<K extends string> = Partial<Record<K, readonly [yes: string, no: string]>>;

const CONDITION_WORDS: Flag<keyof NonNullable<When['condition']>> = {
  used: ['used', 'unused'],
  worn: ['worn', 'unworn'],
  damagedByCustomer: ['damaged by you', 'not damaged by you'],
  originalPackaging: ['in the original packaging', 'without the original packaging'],
  tagsAttached: ['with tags attached', 'without tags'],
};

const CARRIER_WORDS: Flag<keyof NonNullable<When['carrier']>> = {
  confirmedLost: ['confirmed lost by the carrier', 'not confirmed lost by the carrier'],
  proofOfDelivery: ['with proof of delivery', 'without proof of delivery'],
  returnedToSender: ['returned to us by the carrier', 'not returned to us by the carrier'],
};

const RETURN_SHIPMENT_WORDS: Flag<keyof NonNullable<When['returnShipment']>> = {
  sent: ['already sent back', 'not yet sent back'],
  authorized: ['sent back with our approval', 'sent back without our approval'],
  tracked: ['sent back with tracking', 'sent back without tracking'],
};

const ITEM_FLAGS: Flag<
  'personalized' | 'finalSale' | 'onSale' | 'giftCard' | 'previousRemakeOrReplacement' | 'shipped' | 'delivered'
> = {
  personalized: ['personalised items', 'items that are not personalised'],
  finalSale: ['final-sale items', 'items not sold as final sale'],
  onSale: ['sale items', 'full-price items'],
  giftCard: ['gift cards', 'anything but gift cards'],
  previousRemakeOrReplacement: ['items already remade or replaced once', 'items not remade or replaced before'],
  shipped: ['once shipped', 'before shipping'],
  delivered: ['once delivered', 'before delivery'],
};

/** snake_case or kebab-case data as words. */
export const words = (s: string) => s.replaceAll(/[_-]/g, ' ');

/** "a", "a or b", "a, b or c". */
function list(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

function flags<K extends string>(table: Flag<K>, facts: Partial<Record<K, boolean | undefined>>): string[] {
  return Object.entries(facts).flatMap(([key, value]) => {
    const pair = table[key as K];
    return pair && typeof value === 'boolean' ? [value ? pair[0] : pair[1]] : [];
  });
}

function windowWords(window: Window, relation: 'within' | 'after'): string {
  const anchor = window.from ? ANCHOR_NOUNS[window.from] : undefined;
  const length = describeLength(window);
  if (relation === 'within') return anchor ? `within ${length} of ${anchor}` : `within ${length}`;
  return anchor ? `more than ${length} after ${anchor}` : `after ${length}`;
}

/** The facts a clause applies to, as short phrases, without the request types. */
function conditions(when: When, policy: Policy): string[] {
  const out: string[] = [];
  if (when.category) out.push(list(when.category.map(words)));
  if (when.fulfillment) out.push(`${list(when.fulfillment.map(words))} items`);
  out.push(
    ...flags(ITEM_FLAGS, {
      personalized: when.personalized,
      finalSale: when.finalSale,
      onSale: when.onSale,
      giftCard: when.giftCard,
      previousRemakeOrReplacement: when.previousRemakeOrReplacement,
    }),
  );
  if (when.material) out.push(`in ${list(when.material)}`);
  if (when.tags?.any) out.push(`tagged ${list(when.tags.any)}`);
  if (when.tags?.none) out.push(`not tagged ${list(when.tags.none)}`);
  // A reason group reads by its name ("change of mind"), as the shop's page names it.
  if (when.reason) out.push(`when the reason is ${list(when.reason.map(words))}`);
  if (when.condition) out.push(...flags(CONDITION_WORDS, when.condition));
  if (when.destination) out.push(when.destination === 'domestic' ? 'domestic orders' : 'international orders');
  if (when.destinationCountry) out.push(`shipped to ${list(when.destinationCountry)}`);
  if (when.paymentMethod) out.push(`paid by ${list(when.paymentMethod.map(words))}`);
  if (when.discountCodes === 'none') out.push('bought without a discount code');
  else if (when.discountCodes === 'any') out.push('bought with a discount code');
  else if (when.discountCodes) out.push(`bought only with ${list(when.discountCodes.onlyKinds.map(words))} codes`);
  out.push(...flags(ITEM_FLAGS, { shipped: when.shipped, delivered: when.delivered }));
  if (when.productionStarted !== undefined)
    out.push(when.productionStarted ? 'once production has started' : 'before production starts');
  if (when.carrier) out.push(...flags(CARRIER_WORDS, when.carrier));
  if (when.returnShipment) {
    // "sent back without tracking" already says it was sent.
    const { sent, ...how } = when.returnShipment;
    const said = flags(RETURN_SHIPMENT_WORDS, how);
    out.push(...(sent === true && said.length ? said : flags(RETURN_SHIPMENT_WORDS, when.returnShipment)));
  }
  if (when.any) out.push(list(when.any.map((w) => describeWhen(w, policy))));
  if (when.not) out.push(`unless ${describeWhen(when.not, policy)}`);
  if (when.within) out.push(windowWords(when.within, 'within'));
  if (when.after) out.push(windowWords(when.after, 'after'));
  return out;
}

/** A nested condition in one phrase: request types first, then the other facts. */
function describeWhen(when: When, policy: Policy): string {
  const requests = when.request
    ? [
        list(
          when.request.map((r) => REQUEST_NOUNS[r]),
          'and',
        ),
      ]
    : [];
  return [...requests, ...conditions(when, policy)].join(', ') || 'any case';
}

function offer(then: Then): string | undefined {
  const remedies = (then.resolutions ?? []).map((r) =>
    r === 'refund' && then.refund === 'full' ? 'full refund' : words(r),
  );
  if (then.refund === 'partial' && !then.resolutions?.includes('partial_refund')) remedies.push('partial refund');
  switch (then.outcome) {
    case 'approved':
      return remedies.length ? list(remedies) : 'accepted';
    case 'denied':
      return 'not accepted';
    case 'needs_review':
      return remedies.length ? `we decide case by case (${list(remedies)})` : 'we decide case by case';
    default:
      return remedies.length ? `can be ${list(remedies)}` : undefined;
  }
}

function effects(then: Then, policy: Policy): string[] {
  const out: string[] = [];
  const remedy = offer(then);
  if (remedy) out.push(remedy);
  const moneyBack = then.resolutions?.some((r) => r === 'refund' || r === 'partial_refund' || r === 'store_credit');
  if (then.refund === 'none' && !moneyBack) out.push('no money back');
  if (then.returnRequired !== undefined)
    out.push(then.returnRequired ? 'you send the item back' : 'no need to send the item back');
  if (then.returnWithin) out.push(`send it back ${windowWords(then.returnWithin, 'within')}`);
  if (then.returnShipping)
    out.push(then.returnShipping === 'shop' ? 'we pay return shipping' : 'you pay return shipping');
  if (then.originalShipping)
    out.push(then.originalShipping === 'refunded' ? 'original shipping refunded' : 'original shipping not refunded');
  if (then.restockingFee) {
    const fee = then.restockingFee;
    out.push(
      'percent' in fee
        ? `${fee.percent}% restocking fee`
        : `${policy.settings[fee.setting]?.value ?? '?'}% restocking fee (shop setting)`,
    );
  }
  if (then.customerCharges === 'assessed') out.push('you pay costs we confirm with you first');
  if (then.requirements?.length)
    out.push(
      `needs ${list(
        then.requirements.map((r) => REQUIREMENT_WORDS[r]),
        'and',
      )}`,
    );
  return out;
}

/**
 * One plain-words line for a clause that decides or sets terms, derived from its
 * data so that the page says what the engine does ("Returns and exchanges,
 * within 30 days of delivery: full refund or exchange; you send the item back").
 * Undefined for a clause that only quotes the shop.
 */
export function describeClause(clause: Clause, policy: Policy): string | undefined {
  if (!clause.then) return undefined;
  const said = effects(clause.then, policy);
  if (said.length === 0) return undefined;
  const subject = clause.when ? describeWhen(clause.when, policy) : 'any request';
  return `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${said.join('; ')}`;
}
