import { describe, expect, it } from 'vitest';
import { DEMO_CATALOGUE, GENERIC_SHOP } from '../../demo/demo-catalogue.ts';
import { toMinorUnits } from './minor-units.ts';
import { discountKindOf, guessLineFacts, paymentMethodOf } from './shopify-heuristics.ts';

const products = Object.entries({ ...DEMO_CATALOGUE, generic: GENERIC_SHOP }).flatMap(([shop, s]) =>
  s.products.map((p) => ({ shop, ...p })),
);

describe('guessLineFacts on the products of the five shops’ catalogues', () => {
  it.each(products.map((p) => [p.title, p.category] as const))('reads "%s" as %s', (title, category) => {
    expect(guessLineFacts({ title }).category).toBe(category);
  });

  it('finds every personalised piece by its title, and no other', () => {
    const personalised = products.filter((p) => guessLineFacts({ title: p.title }).personalized);
    expect(personalised.map((p) => p.title)).toEqual(products.filter((p) => p.personalized).map((p) => p.title));
    expect(personalised.length).toBeGreaterThan(2);
  });

  it('reads "made to order" in a title; the atelier, which makes everything to order, does not say so in its titles', () => {
    for (const p of products.filter((p) => p.shop !== 'atelier')) {
      expect([p.title, guessLineFacts({ title: p.title }).fulfillment]).toEqual([p.title, p.fulfillment]);
    }
  });
});

describe('guessLineFacts on line properties', () => {
  const necklace = (name: string, value = 'Isla') =>
    guessLineFacts({ title: 'Name Necklace', properties: [{ name, value }] });

  it.each([
    'Engraving',
    'Custom Engraving',
    'engraving text',
    'Personalization',
    'Personalisation',
    'Initials',
    'Monogram',
    'Text to engrave',
    'Custom Message',
  ])('takes a "%s" property as personalisation', (name) => expect(necklace(name).personalized).toBe(true));

  it.each([
    ['Gift wrap', 'Yes'],
    ['Engraving', ''],
    ['_engraving_preview', 'https://cdn.example/preview.png'],
  ])('does not take %s = "%s" as personalisation', (name, value) => {
    expect(necklace(name, value).personalized).toBe(false);
  });

  it('reads made to order from the variant or a property, and takes the gift-card flag over the title', () => {
    expect(guessLineFacts({ title: 'Emerald Ring', variant: 'Size 7 / Made to Order' }).fulfillment).toBe(
      'made_to_order',
    );
    expect(
      guessLineFacts({
        title: 'Emerald Ring',
        properties: [{ name: 'Production', value: 'Pre-order, ships in 3 weeks' }],
      }).fulfillment,
    ).toBe('made_to_order');
    expect(guessLineFacts({ title: 'Store credit', giftCard: true }).category).toBe('gift_card');
    expect(guessLineFacts({ title: 'Mystery box' }).category).toBe('other');
  });

  it.each([
    ['Ring Necklace', 'necklace'],
    ['Necklace Charm', 'charm'],
    ['Ear Cuff', 'earrings'],
    ['Gold Earrings', 'earrings'],
  ])('takes the head noun of "%s": %s', (title, category) => {
    expect(guessLineFacts({ title }).category).toBe(category);
  });
});

describe('paymentMethodOf and discountKindOf', () => {
  it.each([
    [['shopify_payments'], 'card'],
    [['Shopify Payments'], 'card'],
    [['authorize_net'], 'card'],
    [['paypal'], 'paypal'],
    [['PayPal Express Checkout'], 'paypal'],
    [['Cash on Delivery (COD)'], 'cash_on_delivery'],
    [['gift_card', 'Cash on Delivery (COD)'], 'cash_on_delivery'],
    [['gift_card', 'shopify_payments'], 'card'],
    [['gift_card'], 'gift_card'],
    [['shop_pay_installments'], 'shop_pay'],
    [['manual'], 'other'],
    [['Bank Deposit'], 'other'],
  ])('reads gateways %j as %s', (gateways, method) => {
    expect(paymentMethodOf(gateways)).toBe(method);
  });

  it('says nothing of an order without gateways', () => {
    expect(paymentMethodOf([])).toBeUndefined();
  });

  it.each([
    ['WELCOME15', 'first_order'],
    ['FIRSTORDER', 'first_order'],
    ['new-customer-10', 'first_order'],
    ['TENOFF', 'promotion'],
    ['SUMMER25', 'promotion'],
  ])('reads code %s as %s', (code, kind) => {
    expect(discountKindOf(code)).toBe(kind);
  });
});

describe('toMinorUnits', () => {
  it.each([
    ['199.00', 'USD', 19900],
    ['0.1', 'USD', 10],
    ['19.990', 'USD', 1999],
    ['12', 'GBP', 1200],
    ['12000', 'JPY', 12000],
    ['1.234', 'KWD', 1234],
    [0.29, 'USD', 29],
    ['21474836.47', 'USD', 2_147_483_647],
  ] as const)('reads %j %s as %i, from its digits', (amount, currency, value) => {
    expect(toMinorUnits(amount, currency)).toEqual({ ok: true, value });
  });

  it.each([
    ['19.995', 'USD'],
    ['1.5', 'JPY'],
    ['-5.00', 'USD'],
    ['1,299.00', 'USD'],
    ['1e3', 'USD'],
    ['', 'USD'],
    ['21474836.48', 'USD'],
  ])('refuses %j %s', (amount, currency) => {
    expect(toMinorUnits(amount, currency).ok).toBe(false);
  });
});
