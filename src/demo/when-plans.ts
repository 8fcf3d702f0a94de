import {
  CATEGORIES,
  type Category,
  type Condition,
  FULFILLMENTS,
  PAYMENT_METHODS,
  type PaymentMethod,
  REASONS,
  REQUEST_TYPES,
  type Reason,
  type RequestType,
} from '../domain/contract/case.schema.ts';
import type { Anchor, When, Window } from '../domain/policy/policy.schema.ts';

/** A window the request must fall inside (`within`) or after (`after`). */
export type PlannedWindow = { window: Window & { from: Anchor }; inside: boolean };

/** Facts a synthesised case must have for a clause's `when` to hold; what is not set is left to defaults. */
export type Plan = {
  request?: RequestType;
  reason?: Reason;
  category?: Category;
  fulfillment?: (typeof FULFILLMENTS)[number];
  personalized?: boolean;
  finalSale?: boolean;
  onSale?: boolean;
  giftCard?: boolean;
  previousRemakeOrReplacement?: boolean;
  tag?: string;
  tagsLack?: string[];
  material?: string;
  materialLacks?: string[];
  domestic?: boolean;
  destinationCountry?: string;
  paymentMethod?: PaymentMethod;
  discount?: 'none' | 'first_order' | 'promotion' | 'other';
  shipped?: boolean;
  delivered?: boolean;
  productionStarted?: boolean;
  carrier?: { confirmedLost?: boolean; proofOfDelivery?: boolean; returnedToSender?: boolean };
  condition?: Condition;
  returnShipment?: { sent?: boolean; authorized?: boolean; tracked?: boolean };
  windows?: PlannedWindow[];
};

type Groups = Record<string, readonly Reason[]>;

const COUNTRIES = ['US', 'GB', 'HK', 'CN', 'FR', 'AU', 'CA'];
const MATERIALS = ['sterling silver', 'gold vermeil', '14k gold', 'brass'];
const DISCOUNT_KINDS = ['first_order', 'promotion', 'other'] as const;
const OBJECT_KEYS = ['carrier', 'condition', 'returnShipment'] as const;

/**
 * Every way of making a `when` hold, as plans of facts, lazily and in the
 * order the policy lists its values: a list is any of its values, `any` any of
 * its branches, `not` the negation of each of its keys in turn. A plan may
 * still miss its clause (an earlier clause decides first); the caller checks
 * each against the engine.
 */
export function* whenPlans(when: When | undefined, groups: Groups, negated = false): Generator<Plan> {
  if (!when) {
    if (!negated) yield {};
    return;
  }
  const entries = Object.entries(when).filter(([, v]) => v !== undefined) as [keyof When, unknown][];
  if (negated) {
    // not (a and b) = (not a) or (not b)
    for (const [key, value] of entries) yield* keyPlans(key, value, groups, true);
    return;
  }
  yield* product(
    entries.map(
      ([key, value]) =>
        () =>
          keyPlans(key, value, groups, false),
    ),
    {},
  );
}

function* product(parts: (() => Iterable<Plan>)[], acc: Plan): Generator<Plan> {
  const [first, ...rest] = parts;
  if (!first) {
    yield acc;
    return;
  }
  for (const plan of first()) {
    const merged = mergePlans(acc, plan);
    if (merged) yield* product(rest, merged);
  }
}

/** Both plans at once, or `undefined` where they ask for different values of one fact. */
export function mergePlans(a: Plan, b: Plan): Plan | undefined {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b) as [keyof Plan, unknown][]) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (key === 'windows') out[key] = [...(mine as PlannedWindow[]), ...(value as PlannedWindow[])];
    else if (key === 'tagsLack' || key === 'materialLacks') out[key] = [...(mine as string[]), ...(value as string[])];
    else if ((OBJECT_KEYS as readonly string[]).includes(key)) {
      const merged: Record<string, unknown> = { ...(mine as object) };
      for (const [k, v] of Object.entries(value as object)) {
        if (merged[k] !== undefined && merged[k] !== v) return undefined;
        merged[k] = v;
      }
      out[key] = merged;
    } else if (mine !== value) return undefined;
  }
  return out as Plan;
}

function* keyPlans(key: keyof When, value: unknown, groups: Groups, negated: boolean): Generator<Plan> {
  switch (key) {
    case 'any': {
      const branches = value as When[];
      if (!negated) for (const w of branches) yield* whenPlans(w, groups);
      else
        yield* product(
          branches.map((w) => () => whenPlans(w, groups, true)),
          {},
        );
      return;
    }
    case 'not':
      yield* whenPlans(value as When, groups, !negated);
      return;
    case 'within':
    case 'after': {
      const window = value as Window;
      if (window.from)
        yield { windows: [{ window: { ...window, from: window.from }, inside: (key === 'within') !== negated }] };
      return;
    }
    case 'request':
      for (const v of choose(REQUEST_TYPES, value as RequestType[], negated)) yield { request: v };
      return;
    case 'reason': {
      const reasons = (value as string[]).flatMap((r) => groups[r] ?? [r as Reason]);
      for (const v of choose(REASONS, reasons, negated)) yield { reason: v };
      return;
    }
    case 'category':
      for (const v of choose(CATEGORIES, value as Category[], negated)) yield { category: v };
      return;
    case 'fulfillment':
      for (const v of choose(FULFILLMENTS, value as Plan['fulfillment'][], negated)) yield { fulfillment: v };
      return;
    case 'paymentMethod':
      for (const v of choose(PAYMENT_METHODS, value as PaymentMethod[], negated)) yield { paymentMethod: v };
      return;
    case 'destinationCountry':
      for (const v of choose(COUNTRIES, value as string[], negated)) yield { destinationCountry: v };
      return;
    case 'personalized':
    case 'finalSale':
    case 'onSale':
    case 'giftCard':
    case 'previousRemakeOrReplacement':
    case 'shipped':
    case 'delivered':
    case 'productionStarted':
      yield { [key]: (value as boolean) !== negated };
      return;
    case 'destination':
      yield { domestic: (value === 'domestic') !== negated };
      return;
    case 'tags': {
      const tags = value as NonNullable<When['tags']>;
      if (!negated) {
        const lack = tags.none ? { tagsLack: tags.none } : {};
        if (tags.any) for (const tag of tags.any) yield { tag, ...lack };
        else yield lack;
      } else {
        if (tags.any) yield { tagsLack: tags.any };
        for (const tag of tags.none ?? []) yield { tag };
      }
      return;
    }
    case 'material': {
      const wanted = value as string[];
      if (!negated) for (const m of wanted) yield { material: m };
      else {
        const other = MATERIALS.find((m) => !wanted.some((w) => m.includes(w.toLowerCase())));
        yield { materialLacks: wanted, ...(other ? { material: other } : {}) };
      }
      return;
    }
    case 'discountCodes':
      yield* discountPlans(value as NonNullable<When['discountCodes']>, negated);
      return;
    case 'carrier':
    case 'condition':
    case 'returnShipment': {
      const facts = Object.entries(value as Record<string, boolean>);
      if (!negated) yield { [key]: Object.fromEntries(facts) };
      else for (const [k, v] of facts) yield { [key]: { [k]: !v } };
      return;
    }
  }
}

function* discountPlans(rule: NonNullable<When['discountCodes']>, negated: boolean): Generator<Plan> {
  if (rule === 'none') yield { discount: negated ? 'promotion' : 'none' };
  else if (rule === 'any') {
    if (negated) yield { discount: 'none' };
    else for (const kind of DISCOUNT_KINDS) yield { discount: kind };
  } else {
    if (negated) yield { discount: 'none' };
    for (const kind of choose(DISCOUNT_KINDS, rule.onlyKinds, negated)) yield { discount: kind };
  }
}

/** The values a list condition admits: its own, or, negated, every other. */
function choose<T>(all: readonly T[], listed: readonly T[], negated: boolean): T[] {
  return negated ? all.filter((v) => !listed.includes(v)) : [...new Set(listed)];
}
