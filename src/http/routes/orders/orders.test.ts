import { describe, expect, it } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp, THEOR_OWNER_TOKEN } from '../../../../test/desk-app.ts';
import { scenarioCase } from '../../../../test/scenario-case.ts';
import { OrderSchema } from '../../../domain/contract/case.schema.ts';
import { decide } from '../../../domain/decide/decide.ts';
import { loadBundledPolicies } from '../../../policies/load-policy-file.ts';

const desk = await deskApp();
const policies = loadBundledPolicies();

const importOrder = (shop: string, payload: object, token?: string) =>
  desk.staff({ method: 'POST', url: `/api/v1/shops/${shop}/orders`, payload, token });

/** A The Or order placed on a Friday before a US holiday weekend, not yet shipped. */
const theorOrder = {
  number: 'OR-5001',
  placedAt: '2026-07-02T15:00:00-04:00',
  currency: 'USD',
  destinationCountry: 'US',
  paymentMethod: 'card',
  shippingPaid: 800,
  lines: [{ id: 'L1', sku: 'OR-RG-1', title: 'Signet', category: 'ring', unitPrice: 16500, quantity: 1 }],
};

describe(`orders on ${desk.database.kind}`, () => {
  it('imports an order, then updates it by its number, keeping its id', async () => {
    const first = await importOrder('theor', {
      order: theorOrder,
      customer: { email: 'Gia@Example.com', name: 'Gia' },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      shop: 'theor',
      number: 'OR-5001',
      kind: 'original',
      customer: { email: 'gia@example.com', name: 'Gia' },
      policyVersion: { version: policies.get('theor')?.version },
      shipments: [],
      cases: [],
    });
    const again = await importOrder('theor', {
      order: {
        ...theorOrder,
        shippedAt: '2026-07-06T12:00:00-04:00',
        lines: [...theorOrder.lines, { id: 'L2', category: 'charm', unitPrice: 2500, quantity: 2 }],
      },
      customer: { email: 'gia@example.com' },
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().customer).toEqual({ email: 'gia@example.com', name: 'Gia' });
    expect(again.json().order.lines.map((l: { id: string }) => l.id)).toEqual(['L1', 'L2']);
    expect(again.json().order.shippedAt).toBe('2026-07-06T16:00:00.000Z');
  });

  it('answers an order as stored so that it decides as the order imported', async () => {
    for (const [shop, name] of [
      ['aulso', 'two rings sent in the wrong size'],
      ['theor', 'first-order code with a full-price ring'],
      ['aoures', 'ready-to-ship necklace shipped first'],
      ['amijose', 'personalised necklace cancelled 1h59m'],
      ['amijose', 'bracelet with a gift card returned on day 6'],
    ] as const) {
      const c = scenarioCase(shop, name);
      expect((await importOrder(shop, { order: c.order, customer: { email: 'hal@example.com' } })).statusCode).toBe(
        201,
      );
      const stored = (await desk.staff({ url: `/api/v1/shops/${shop}/orders/${c.order.number}` })).json().order;
      const policy = policies.get(shop);
      if (!policy) throw new Error(shop);
      const parsed = OrderSchema.parse(c.order);
      expect(decide(policy, { ...c, order: OrderSchema.parse(stored), request: c.request } as never)).toEqual(
        decide(policy, { ...c, order: parsed } as never),
      );
    }
  });

  it('estimates delivery from the shop’s processing, ship days and transit times', async () => {
    await importOrder('theor', { order: { ...theorOrder, number: 'OR-5002' }, customer: { email: 'ivy@example.com' } });
    const res = await desk.app.inject({
      url: '/api/v1/shops/theor/orders/OR-5002/delivery-estimate?orderNumber=OR-5002&email=ivy@example.com',
    });
    expect(res.statusCode, res.body).toBe(200);
    // Packed 1-3 days after Thu 2 July; Fri 3 July is the observed Independence Day, then a weekend: ships Mon 6 July.
    expect(res.json()).toMatchObject({
      shipBy: { from: '2026-07-06', to: '2026-07-06' },
      deliveredBy: { from: '2026-07-09', to: '2026-07-15' },
      missing: [],
    });
    expect(res.json().basis.map((b: { clause: string }) => b.clause)).toEqual([
      'packed-and-shipped',
      'ship-days',
      'domestic-delivery',
    ]);
    const view = await desk.staff({ url: '/api/v1/shops/theor/orders/OR-5002' });
    expect(view.json().deliveryEstimate).toEqual(res.json());
  });

  it('shows an order to its customer and the shop’s staff only', async () => {
    await importOrder('theor', { order: { ...theorOrder, number: 'OR-5003' }, customer: { email: 'jo@example.com' } });
    const url = '/api/v1/shops/theor/orders/OR-5003';
    expect((await desk.app.inject({ url: `${url}?orderNumber=OR-5003&email=JO@example.com` })).statusCode).toBe(200);
    const wrongEmail = await desk.app.inject({ url: `${url}?orderNumber=OR-5003&email=kim@example.com` });
    expect(wrongEmail.statusCode).toBe(401);
    expect(wrongEmail.json().code).toBe('UNAUTHORIZED');
    const otherOrder = await desk.app.inject({ url: `${url}?orderNumber=OR-5002&email=ivy@example.com` });
    expect(otherOrder.statusCode).toBe(403);
    expect((await desk.app.inject({ url })).statusCode).toBe(401);
    expect((await desk.staff({ url, token: 'not-a-token' })).statusCode).toBe(401);
    expect((await desk.staff({ url, token: AULSO_AGENT_TOKEN })).statusCode).toBe(403);
    expect((await desk.staff({ url, token: THEOR_OWNER_TOKEN })).statusCode).toBe(200);
  });

  it('lets staff of the shop import, and refuses bad orders with 400 naming the field', async () => {
    const customer = { email: 'lu@example.com' };
    expect((await desk.app.inject({ method: 'POST', url: '/api/v1/shops/theor/orders', payload: {} })).statusCode).toBe(
      401,
    );
    const agent = await importOrder('theor', { order: theorOrder, customer }, AULSO_AGENT_TOKEN);
    expect(agent.statusCode).toBe(403);
    const unknownShop = await importOrder('nope', { order: theorOrder, customer });
    expect(unknownShop.json()).toMatchObject({ code: 'UNKNOWN_SHOP', path: 'id' });
    const { placedAt: _, ...noDate } = theorOrder;
    const refusals: [object, string][] = [
      [{ order: noDate, customer }, 'order.placedAt'],
      [{ order: { ...theorOrder, currency: 'usd' }, customer }, 'order.currency'],
      [{ order: theorOrder, customer: { email: 'not an email' } }, 'customer.email'],
      [{ order: { ...theorOrder, lines: [theorOrder.lines[0], theorOrder.lines[0]] }, customer }, 'order.lines[1].id'],
      [
        { order: { ...theorOrder, lines: [{ ...theorOrder.lines[0], unitPrice: -1 }] }, customer },
        'order.lines[0].unitPrice',
      ],
    ];
    for (const [payload, path] of refusals) {
      const res = await importOrder('theor', payload);
      expect(res.statusCode, path).toBe(400);
      expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path });
    }
  });
});
