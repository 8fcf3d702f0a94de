import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AULSO_AGENT_TOKEN, deskApp, OWNER_TOKEN, openScenarioCase } from '../../test/desk-app.ts';
import { demoDecidedBy, Journey } from '../../test/e2e/journey.ts';
import {
  endpointsOf,
  type Fuzzed,
  type FuzzWorld,
  fuzzedRequest,
  isValidBy,
  type Operation,
} from '../../test/fuzz-request.ts';
import { scenarioCase } from '../../test/scenario-case.ts';
import { type TableChecksums, tableChecksums } from '../../test/table-checksums.ts';
import { easyPostSignature } from '../integrations/easypost/verify-easypost-signature.ts';
import { amijoseOrder, sampleOrder, sampleOrderFile } from '../integrations/shopify/test-fixtures.ts';

// Bad input of every kind to every route /docs/json documents (a new route is
// fuzzed as soon as it is documented): never a 5xx, and what the documented
// schemas refuse is answered 4xx with nothing stored. FUZZ_RUNS and FUZZ_SEED
// widen or vary a run; a failure prints its seed and the request.

const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const WEBHOOK_SECRET = 'fuzz-webhook-secret';

vi.stubEnv('EASYPOST_WEBHOOK_SECRET', WEBHOOK_SECRET);
afterAll(() => vi.unstubAllEnvs());
const desk = await deskApp();
const { db } = desk.database;
const seeded = await seed();
const doc = (await desk.app.inject('/docs/json')).json() as { paths: Record<string, Record<string, Operation>> };
const endpoints = endpointsOf(doc);

const world: FuzzWorld = {
  pools: {
    shops: seeded.shops,
    cases: seeded.cases,
    orders: seeded.orders,
    'gift-cards': seeded.giftCards,
    attachments: seeded.attachments,
    // The bundled policies' version, and one no shop has.
    'policy-versions': ['2026-11-01', '2025-01-01'],
  },
  hints: {
    orderNumber: fc.constantFrom(...seeded.orders),
    email: fc.constantFrom(...seeded.emails),
    shop: fc.constantFrom(...seeded.shops),
    revision: fc.nat(3),
    amountCents: fc.integer({ min: 1, max: 800 }),
  },
  goodHeaders: {
    'idempotency-key': () => randomUUID(),
    'x-hmac-signature': (body) => easyPostSignature(Buffer.from(body), WEBHOOK_SECRET),
  },
  signatures: ['x-hmac-signature', 'x-shopify-hmac-sha256'],
  examples: {
    'POST /api/v1/shops/{id}/imports/shopify': [sampleOrderFile(), [amijoseOrder(), sampleOrder({ name: '#9001' })]],
  },
  tokens: { owner: OWNER_TOKEN, agent: AULSO_AGENT_TOKEN },
};

/** Orders, cases, a gift card and an attachment made through the API, so that path params can name real ones. */
async function seed() {
  const opened: { number: string; id: string }[] = [];
  for (const [shop, name] of [
    ['aulso', 'change of mind 71h59m'],
    ['aulso', 'defective bracelet on day 12'],
    ['theor', 'first-order code with a full-price ring'],
  ] as const) {
    const c = scenarioCase(shop, name);
    opened.push({ number: c.order.number, id: (await openScenarioCase(desk, c)).id });
  }
  // "for store credit only": a The Or return, sent back and inspected, is paid as a gift card.
  const journey = new Journey(desk, demoDecidedBy('theor', 'store-credit-within-14-days'));
  await journey.open();
  await journey.sendBackAndInspect();
  const credit = await journey.wait(1).money('store-credit', 500, randomUUID());
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
  const message = await desk.staff({
    method: 'POST',
    url: `/api/v1/cases/${journey.case.id}/messages`,
    payload: {
      body: 'a photo',
      attachments: [{ filename: 'a.png', contentType: 'image/png', data: png.toString('base64') }],
    },
  });
  if (credit.statusCode !== 201 || message.statusCode !== 201) throw new Error(`seed: ${credit.body} ${message.body}`);
  return {
    shops: ['aulso', 'theor'],
    cases: [...opened.map((c) => c.id), journey.case.id],
    orders: [...opened.map((c) => c.number), journey.demo.order.number],
    emails: ['ana@example.com', journey.demo.customer.email],
    giftCards: [credit.json().giftCard.code as string],
    attachments: [message.json().attachments[0].id as string],
  };
}

const shown = (f: Fuzzed, status: number, answer: string) =>
  `${f.options.method} ${String(f.options.url).slice(0, 300)} ${JSON.stringify(f.options.headers)} ${String(
    f.options.payload ?? '',
  ).slice(
    0,
    500,
  )}\nrefused because: ${f.refusedBecause.join('; ') || '(may be valid)'}\n-> ${status} ${answer.slice(0, 500)}`;

describe(`every route under fuzzed input on ${desk.database.kind}`, () => {
  it('fuzzes every documented operation', () => {
    expect(endpoints.length).toBeGreaterThanOrEqual(28);
    for (const endpoint of endpoints) expect(() => fuzzedRequest(world, endpoint)).not.toThrow();
  });

  it.each(endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))(
    '%s answers bad input 4xx, never 5xx, storing nothing',
    async (_name, endpoint) => {
      // What is stored, as last seen before a request that must be refused; unknown after one that may be valid.
      let known: TableChecksums | undefined;
      // A refused sign-in or look-up is counted against its rate limit: the one write a refusal makes.
      const stored = () => tableChecksums(db, ['rate_limit_attempts']);
      await fc.assert(
        fc.asyncProperty(fuzzedRequest(world, endpoint), async (fuzzed) => {
          const mustRefuse = fuzzed.refusedBecause.length > 0;
          if (mustRefuse) known ??= await stored();
          else known = undefined;
          const res = await desk.app.inject(fuzzed.options);
          const why = shown(fuzzed, res.statusCode, res.body);
          expect(res.statusCode, why).toBeLessThan(500);
          if (!mustRefuse) return;
          expect(res.statusCode, why).toBeGreaterThanOrEqual(400);
          expect(await stored(), why).toEqual(known);
        }),
        { numRuns: NUM_RUNS, seed: SEED, endOnFailure: true },
      );
    },
    120_000,
  );
});

describe('what the fuzz found, kept as examples', () => {
  it('refuses a NUL character in input with 400 naming the field, not a 500 from PostgreSQL', async () => {
    const res = await desk.staff({ url: '/api/v1/shops/aulso/policy?version=%00' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'version' });
  });

  it('refuses an order amount or total past what the store keeps with 400 naming it', async () => {
    const c = scenarioCase('aulso', 'change of mind 71h59m');
    const importing = (order: object) =>
      desk.staff({
        method: 'POST',
        url: '/api/v1/shops/aulso/orders',
        payload: { order, customer: { email: 'x@example.com' } },
      });
    const line = c.order.lines[0] as object;
    const huge = await importing({ ...c.order, number: 'FUZZ-1', shippingPaid: Number.MAX_SAFE_INTEGER });
    expect(huge.statusCode, huge.body).toBe(400);
    expect(huge.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'order.shippingPaid' });
    const total = await importing({
      ...c.order,
      number: 'FUZZ-2',
      lines: [{ ...line, unitPrice: 2 ** 30, quantity: 2 }],
    });
    expect(total.statusCode, total.body).toBe(400);
    expect(total.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'order.lines' });
  });

  it('documents that EasyPost events other than a tracker’s are taken whatever their result', async () => {
    const body = JSON.stringify({ object: 'Event', id: 'evt_1', description: 'batch.created', result: { id: 7 } });
    const res = await desk.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/easypost',
      headers: {
        'content-type': 'application/json',
        'x-hmac-signature': easyPostSignature(Buffer.from(body), WEBHOOK_SECRET),
      },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    const schema = doc.paths['/api/v1/webhooks/easypost']?.post?.requestBody?.content['application/json']?.schema;
    expect(isValidBy(schema ?? false, JSON.parse(body))).toBe(true);
  });
});
