/**
 * Facts the decision contract needs that Shopify's order has no field for,
 * read from words, all in this one file. Each table is matched
 * case-insensitively; change a table, not the mapping code.
 *
 * | contract fact            | read from                                            | when nothing matches |
 * | ------------------------ | ---------------------------------------------------- | -------------------- |
 * | line `personalized`      | a line property's name (PERSONALISATION_PROPERTIES), | false                |
 * |                          | or the product title (PERSONALISED_TITLES)           |                      |
 * | line `category`          | Shopify's `gift_card` flag, else the title           | `other`              |
 * |                          | (CATEGORY_WORDS; the word nearest the end wins)      |                      |
 * | line `fulfillment`       | title, variant and properties (MADE_TO_ORDER_WORDS)  | `ready_to_ship`      |
 * | order `paymentMethod`    | the payment gateway names (PAYMENT_GATEWAYS)         | `other`              |
 * | discount code `kind`     | the code (FIRST_ORDER_CODES)                         | `promotion`          |
 *
 * Left at the contract's defaults, as no Shopify order says them: a line's
 * `finalSale`, `material`, `tags` and `previousRemakeOrReplacement`.
 */
import type { Category, Line, PaymentMethod } from '../../domain/contract/case.schema.ts';

/**
 * Names of line-item properties buyers fill in to personalise a piece
 * ("Custom Engraving", "Initials", "Personalization"). Properties whose name
 * starts with `_` are the theme's own, hidden from the buyer, and never count.
 */
export const PERSONALISATION_PROPERTIES: readonly RegExp[] = [
  /engrav/i,
  /personali[sz]/i,
  /\binitials?\b/i,
  /monogram/i,
  /inscription/i,
  /\bcustom (text|name|message|word)/i,
  /\b(name|text|message|word|date|letter)s? (on|to engrave|for)\b/i,
];

/** Product titles that say the piece is made to the buyer's words or wishes ("Personalised Name Necklace", "Custom Signet Ring"). */
export const PERSONALISED_TITLES: readonly RegExp[] = [
  /personali[sz]ed/i,
  /engraved/i,
  /monogram/i,
  /\bcustom(i[sz]ed)?\b/i,
];

/**
 * Category words, matched as whole words in the title. A title can hold two
 * ("Ring Necklace", "Charm Bracelet"): the head noun comes last in English
 * product names, so the match ending last wins; on a tie, the earlier row.
 */
export const CATEGORY_WORDS: readonly (readonly [Category, RegExp])[] = [
  ['gift_card', /\bgift ?(card|certificate|voucher)s?\b/gi],
  ['earrings', /\b(ear ?rings?|studs?|hoops?|huggies|huggie|ear ?cuffs?|climbers?|ear ?jackets?)\b/gi],
  ['ring', /\b(rings?|bands?|signets?|solitaires?)\b/gi],
  ['necklace', /\b(necklaces?|pendants?|chokers?|lockets?|chains?|lariats?)\b/gi],
  ['bracelet', /\b(bracelets?|bangles?|cuffs?)\b/gi],
  ['anklet', /\banklets?\b/gi],
  ['charm', /\bcharms?\b/gi],
];

/** Words in a title, variant or property that say the piece is made after the order. */
export const MADE_TO_ORDER_WORDS = /\b(made[ -]to[ -]order|custom[ -]made|bespoke|pre-?order|made for you)\b/i;

/** Codes that read as a first-order welcome (The Or's "first-time order 15% off discount"). */
export const FIRST_ORDER_CODES = /^(welcome|first)|first[ _-]?(order|time|purchase)|new[ _-]?(customer|client)/i;

/**
 * Shopify's payment gateway names (`gateway`, `payment_gateway_names`, the
 * export's "Payment Method"), first match wins. Shopify Payments takes cards,
 * Apple Pay and Shop Pay alike and the order does not say which: card.
 */
export const PAYMENT_GATEWAYS: readonly (readonly [PaymentMethod, RegExp])[] = [
  ['cash_on_delivery', /cash[ _]on[ _]delivery|\bcod\b/i],
  ['gift_card', /gift[ _]?card/i],
  ['paypal', /paypal/i],
  ['apple_pay', /apple[ _]?pay/i],
  ['shop_pay', /shop[ _]?pay(?!ments)/i],
  ['card', /shopify[ _]payments|stripe|authorize|braintree|adyen|worldpay|credit|debit|\bcard\b|bogus/i],
];

/** The text of a line the heuristics read: its title and variant, its properties, and Shopify's gift-card flag. */
export type LineText = {
  title: string;
  variant?: string | null | undefined;
  properties?: readonly { name: string; value: string }[];
  giftCard?: boolean | null | undefined;
};

/** The line facts guessed from a line's text (see the table above). */
export function guessLineFacts(text: LineText): Pick<Line, 'category' | 'fulfillment' | 'personalized'> {
  const properties = (text.properties ?? []).filter((p) => !p.name.startsWith('_') && p.value.trim() !== '');
  const title = titleFacts(text.title);
  const personalized =
    title.personalised || properties.some((p) => PERSONALISATION_PROPERTIES.some((re) => re.test(p.name)));
  const described = [text.variant ?? '', ...properties.flatMap((p) => [p.name, p.value])];
  return {
    category: text.giftCard ? 'gift_card' : title.category,
    fulfillment:
      title.madeToOrder || described.some((t) => MADE_TO_ORDER_WORDS.test(t)) ? 'made_to_order' : 'ready_to_ship',
    personalized,
  };
}

type TitleFacts = { category: Category; personalised: boolean; madeToOrder: boolean };

/** What titles say, kept per title: a shop's catalogue is small, its order history long. */
const titleFactsSeen = new Map<string, TitleFacts>();
const TITLES_KEPT = 10_000;

function titleFacts(title: string): TitleFacts {
  let facts = titleFactsSeen.get(title);
  if (!facts) {
    facts = {
      category: categoryOf(title),
      personalised: PERSONALISED_TITLES.some((re) => re.test(title)),
      madeToOrder: MADE_TO_ORDER_WORDS.test(title),
    };
    if (titleFactsSeen.size >= TITLES_KEPT) titleFactsSeen.clear();
    titleFactsSeen.set(title, facts);
  }
  return facts;
}

function categoryOf(title: string): Category {
  let best: Category = 'other';
  let bestEnd = -1;
  for (const [category, words] of CATEGORY_WORDS) {
    for (const match of title.matchAll(words)) {
      const end = match.index + match[0].length;
      if (end > bestEnd) {
        best = category;
        bestEnd = end;
      }
    }
  }
  return best;
}

/**
 * The contract's payment method of an order paid through these gateways:
 * cash on delivery if any part was (Aulso refuses COD returns), else the
 * first gateway that is not a gift card, else gift card.
 */
export function paymentMethodOf(gateways: readonly string[]): PaymentMethod | undefined {
  const methods = gateways.map((g) => PAYMENT_GATEWAYS.find(([, re]) => re.test(g))?.[0] ?? 'other');
  if (methods.length === 0) return undefined;
  if (methods.includes('cash_on_delivery')) return 'cash_on_delivery';
  return methods.find((m) => m !== 'gift_card') ?? 'gift_card';
}

/** What kind of discount a code is: a first-order welcome, or a promotion. */
export function discountKindOf(code: string): 'first_order' | 'promotion' {
  return FIRST_ORDER_CODES.test(code) ? 'first_order' : 'promotion';
}
