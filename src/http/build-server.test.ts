import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_POLICIES_DIR, loadPolicyFile } from '../policies/load-policy-file.ts';
import { buildServer } from './build-server.ts';

// CommonJS under NodeNext: the default import is module.exports, whose `default` is the export.
const Ajv = Ajv2020.default;
const addFormats = addFormatsPlugin.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateDecision = ajv.compile(
  JSON.parse(readFileSync(new URL('../../../shared/contract/decision.schema.json', import.meta.url), 'utf8')),
);

type Scenario = { name: string; case: Record<string, unknown>; expect: Record<string, unknown> };
const scenarios: Scenario[] = JSON.parse(
  readFileSync(new URL('../../../shared/scenarios/aulso.json', import.meta.url), 'utf8'),
).scenarios;
const changeOfMind = scenarios[0] as Scenario;
const aulso = loadPolicyFile(`${BUNDLED_POLICIES_DIR}/aulso.yaml`);

/** A deep copy of the change-of-mind case, changed by `edit`. */
type LooseCase = { shop: string; order: Record<string, unknown>; request: Record<string, unknown> };
function caseWith(edit: (c: LooseCase) => void): Record<string, unknown> {
  const copy = structuredClone(changeOfMind.case);
  edit(copy as LooseCase);
  return copy;
}

let app: FastifyInstance;
beforeAll(async () => {
  app = buildServer({ policies: new Map([[aulso.id, aulso]]) });
  await app.ready();
});
afterAll(() => app.close());

const decide = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/decide', payload: payload as object });

describe('POST /api/v1/decide', () => {
  it('accepts an Aulso change of mind 71 h 59 min after delivery, as the contract shapes it', async () => {
    const res = await decide(changeOfMind.case);
    expect(res.statusCode).toBe(200);
    const decision = res.json();
    expect(validateDecision(decision), JSON.stringify(validateDecision.errors)).toBe(true);
    expect(decision).toMatchObject({
      shop: 'aulso',
      outcome: 'approved',
      returnShippingPaidBy: 'shop',
      deadlines: { shopRespondsBy: '2026-05-11T23:59:59.999+08:00', resolutionBy: null },
    });
  });

  it('refuses a case without order.placedAt with 400, naming the field', async () => {
    const res = await decide(caseWith((c) => delete c.order.placedAt));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CASE', path: 'order.placedAt' });
  });

  it('refuses a field the contract does not have instead of dropping it', async () => {
    const res = await decide(caseWith((c) => (c.order.coupon = 'X')));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CASE', path: 'order' });
  });

  it('answers 404 UNKNOWN_SHOP for a shop with no policy', async () => {
    const res = await decide(caseWith((c) => (c.shop = 'nope')));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'UNKNOWN_SHOP', path: 'shop' });
  });

  it('answers 400 UNKNOWN_LINE for a request naming a line the order does not have', async () => {
    const res = await decide(caseWith((c) => (c.request.lines = ['L9'])));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('UNKNOWN_LINE');
  });

  it('answers 400 INVALID_INPUT for malformed JSON, in the same body shape', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/decide',
      headers: { 'content-type': 'application/json' },
      payload: '{"shop": "aulso",',
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json()).sort()).toEqual(['code', 'message']);
    expect(res.json().code).toBe('INVALID_INPUT');
  });

  it('answers 400, never 500, for a body that is not a case at all', async () => {
    for (const payload of ['hello', '[]', 'null']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/decide',
        headers: { 'content-type': payload === 'hello' ? 'text/plain' : 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.json().code).toMatch(/^INVALID_(CASE|INPUT)$/);
    }
  });
});

describe('shops', () => {
  it('lists the shops with their profile', async () => {
    const res = await app.inject('/api/v1/shops');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        id: 'aulso',
        name: 'Aulso',
        version: aulso.version,
        country: 'HK',
        timeZone: 'Asia/Hong_Kong',
        currency: 'USD',
        brand: { color: '#0f5c56', inkColor: '#ffffff', storefrontUrl: 'https://aulso.com' },
      },
    ]);
  });

  it('answers the policy as JSON by default', async () => {
    const res = await app.inject('/api/v1/shops/aulso/policy');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(aulso)));
  });

  it('answers the policy page as HTML for Accept: text/html or ?format=html', async () => {
    for (const res of [
      await app.inject({ url: '/api/v1/shops/aulso/policy', headers: { accept: 'text/html,application/xhtml+xml' } }),
      await app.inject('/api/v1/shops/aulso/policy?format=html'),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<h1>Aulso after-sales policy</h1>');
    }
  });

  it('answers the policy page as Markdown for ?format=md', async () => {
    const res = await app.inject('/api/v1/shops/aulso/policy?format=md');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.body.startsWith('# Aulso after-sales policy\n')).toBe(true);
  });

  it('answers 404 for an unknown shop and 400 for an unknown format', async () => {
    const unknown = await app.inject('/api/v1/shops/nope/policy');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_SHOP', path: 'id' });
    const format = await app.inject('/api/v1/shops/aulso/policy?format=pdf');
    expect(format.statusCode).toBe(400);
    expect(format.json()).toMatchObject({ code: 'INVALID_INPUT', path: 'format' });
  });
});

describe('the rest', () => {
  it('is healthy', async () => {
    const res = await app.inject('/api/v1/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });

  it('links each shop’s portal, help center and policy page, the back office and the docs from the index', async () => {
    const res = await app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('href="/api/v1/shops/aulso/policy?format=html"');
    expect(res.body).toContain('href="/shop/aulso"');
    expect(res.body).toContain('href="/shop/aulso/help"');
    expect(res.body).toContain('href="/desk"');
    expect(res.body).toContain('href="/docs"');
  });

  it('answers an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const res = await app.inject('/api/v1/nothing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves the API docs', async () => {
    const res = await app.inject('/docs');
    expect(res.statusCode).toBeLessThan(400);
  });
});
