import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { deskApp, OWNER_TOKEN, openScenarioCase } from '../../test/desk-app.ts';
import { scenarioCase } from '../../test/scenario-case.ts';
import { BUNDLED_POLICIES_DIR } from '../policies/load-policy-file.ts';
import { createFirstOwner } from '../services/people/create-first-owner.ts';
import { csrfTokenOf, hashToken, newSecretToken } from '../services/people/session-token.ts';
import { type SessionSubject, startSession } from '../services/people/start-session.ts';
import { insertSignInLink } from '../storage/repositories/sign-in-links.ts';
import { findStaffAccountByEmail } from '../storage/repositories/staff-accounts.ts';

// Every route of the OpenAPI document × who asks: each must let in exactly whom it should.
const desk = await deskApp();
const ACTORS = ['anonymous', 'customer', 'otherCustomer', 'agent', 'otherShopAgent', 'owner'] as const;
type Who = (typeof ACTORS)[number];

const bracelet = scenarioCase('aulso', 'defective bracelet on day 12');
const aulsoYaml = readFileSync(`${BUNDLED_POLICIES_DIR}/aulso.yaml`, 'utf8');
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
let n = 0;
const unique = (prefix: string) => `${prefix}-${++n}`;

/** A case of Ana's on an order of her own, opened by her, decided approved with a return to make. */
async function anasCase(): Promise<{ id: string; revision: number; orderNumber: string }> {
  const c = structuredClone(bracelet);
  c.order.number = unique('AUL-M');
  const opened = await openScenarioCase(desk, c, 'ana@example.com');
  return { id: opened.id, revision: opened.revision, orderNumber: c.order.number };
}

/** Who each actor is, as a session subject (the anonymous caller has none). */
const subjects = new Map<Who, SessionSubject>();
const cookieOf = async (subject: SessionSubject) => {
  const { token } = await startSession(desk.ctx, subject);
  return { cookie: `loupe_session=${token}; loupe_csrf=${csrfTokenOf(token)}`, 'x-csrf-token': csrfTokenOf(token) };
};
const sessions = new Map<Who, Record<string, string>>();

/** A request as `who`, signed in by a session cookie (with its CSRF token unless `csrf: false`); `fresh`: a session of its own. */
async function as(who: Who, options: InjectOptions, { csrf = true, fresh = false } = {}) {
  const subject = subjects.get(who);
  let headers: Record<string, string> = {};
  if (subject) {
    headers = fresh ? await cookieOf(subject) : (sessions.get(who) ?? {});
    if (!csrf) {
      const { 'x-csrf-token': _, ...rest } = headers;
      headers = rest;
    }
  }
  const isWrite = options.method !== undefined && options.method !== 'GET';
  return desk.app.inject({
    ...options,
    headers: { ...(isWrite ? { 'idempotency-key': randomUUID() } : {}), ...options.headers, ...headers },
  });
}

type Fixture = { caseId: string; orderNumber: string; attachmentId: string; giftCard: string; revision: number };
let shared: Fixture;

/** A row: a route, the request each actor makes, and who may. `fresh`: a new case for each actor (the request changes it). */
type Row = {
  route: string;
  allowed: readonly Who[];
  fresh?: boolean;
  /** What an allowed actor gets: the success status, unless the row says an expected refusal (400, 409) counts. */
  ok?: readonly number[];
  request(fx: Fixture, who: Who): InjectOptions | Promise<InjectOptions>;
  options?: { fresh?: boolean };
};

const EVERYONE = ACTORS;
const SIGNED_IN: readonly Who[] = ['customer', 'otherCustomer', 'agent', 'otherShopAgent', 'owner'];
const CUSTOMER_AND_STAFF: readonly Who[] = ['customer', 'agent', 'owner'];
const STAFF: readonly Who[] = ['agent', 'owner'];
const OWNER: readonly Who[] = ['owner'];
const NO_ONE: readonly Who[] = [];
const isCustomer = (who: Who) => who === 'customer' || who === 'otherCustomer' || who === 'anonymous';

const ROWS: Row[] = [
  { route: 'GET /', allowed: EVERYONE, request: () => ({ url: '/' }) },
  { route: 'GET /api/v1/health', allowed: EVERYONE, request: () => ({ url: '/api/v1/health' }) },
  { route: 'GET /api/v1/shops', allowed: EVERYONE, request: () => ({ url: '/api/v1/shops' }) },
  { route: 'GET /api/v1/shops/{id}/policy', allowed: EVERYONE, request: () => ({ url: '/api/v1/shops/aulso/policy' }) },
  { route: 'GET /api/v1/shops/{id}/help', allowed: EVERYONE, request: () => ({ url: '/api/v1/shops/aulso/help' }) },
  {
    route: 'POST /api/v1/decide',
    allowed: EVERYONE,
    request: () => ({ method: 'POST', url: '/api/v1/decide', payload: bracelet }),
  },
  {
    route: 'POST /api/v1/sessions/staff',
    allowed: EVERYONE,
    request: () => ({ method: 'POST', url: '/api/v1/sessions/staff', payload: matrixLogin }),
  },
  {
    route: 'POST /api/v1/shops/{id}/sessions/customer',
    allowed: EVERYONE,
    request: (fx) => ({
      method: 'POST',
      url: '/api/v1/shops/aulso/sessions/customer',
      payload: { orderNumber: fx.orderNumber, email: 'ana@example.com' },
    }),
  },
  {
    route: 'POST /api/v1/shops/{id}/sign-in-links',
    allowed: EVERYONE,
    request: () => ({
      method: 'POST',
      url: '/api/v1/shops/aulso/sign-in-links',
      payload: { email: 'ana@example.com' },
    }),
  },
  {
    route: 'POST /api/v1/sessions/link',
    allowed: EVERYONE,
    async request() {
      const token = newSecretToken();
      const now = desk.ctx.now();
      const expiresAt = new Date(now.getTime() + 60_000);
      const link = { tokenHash: hashToken(token), shopId: 'aulso', email: 'ana@example.com', createdAt: now };
      await insertSignInLink(desk.ctx.db, { ...link, expiresAt, usedAt: null });
      return { method: 'POST', url: '/api/v1/sessions/link', payload: { token } };
    },
  },
  { route: 'GET /api/v1/sessions/current', allowed: SIGNED_IN, request: () => ({ url: '/api/v1/sessions/current' }) },
  {
    route: 'DELETE /api/v1/sessions/current',
    allowed: SIGNED_IN,
    options: { fresh: true },
    request: () => ({ method: 'DELETE', url: '/api/v1/sessions/current' }),
  },
  {
    route: 'POST /api/v1/shops/{id}/staff',
    allowed: OWNER,
    request: () => ({
      method: 'POST',
      url: '/api/v1/shops/aulso/staff',
      payload: { email: `${unique('agent')}@aulso.example`, name: 'new', password: 'a long enough password' },
    }),
  },
  {
    route: 'GET /api/v1/shops/{id}/policy-versions',
    allowed: STAFF,
    request: () => ({ url: '/api/v1/shops/aulso/policy-versions' }),
  },
  {
    route: 'GET /api/v1/shops/{id}/policy-versions/{version}',
    allowed: STAFF,
    request: () => ({ url: '/api/v1/shops/aulso/policy-versions/2026-11-01' }),
  },
  {
    route: 'GET /api/v1/shops/{id}/stats',
    allowed: STAFF,
    request: () => ({ url: '/api/v1/shops/aulso/stats?days=30' }),
  },
  {
    route: 'POST /api/v1/shops/{id}/policy-versions',
    allowed: OWNER,
    request: () => ({
      method: 'POST',
      url: '/api/v1/shops/aulso/policy-versions',
      payload: { yaml: aulsoYaml.replace('version: "2026-11-01"', `version: "${unique('matrix')}"`) },
    }),
  },
  {
    route: 'POST /api/v1/shops/{id}/policy-versions/preview',
    allowed: STAFF,
    request: () => ({
      method: 'POST',
      url: '/api/v1/shops/aulso/policy-versions/preview',
      payload: { yaml: aulsoYaml.replace('version: "2026-11-01"', 'version: "draft"') },
    }),
  },
  {
    route: 'POST /api/v1/shops/{id}/policy-versions/render',
    allowed: STAFF,
    request: () => ({
      method: 'POST',
      url: '/api/v1/shops/aulso/policy-versions/render',
      payload: { yaml: aulsoYaml },
    }),
  },
  {
    route: 'POST /api/v1/shops/{id}/orders',
    allowed: STAFF,
    ok: [200, 201],
    request: () => ({
      method: 'POST',
      url: '/api/v1/shops/aulso/orders',
      payload: { order: { ...bracelet.order, number: unique('AUL-I') }, customer: { email: 'ana@example.com' } },
    }),
  },
  {
    route: 'POST /api/v1/shops/{id}/imports/shopify',
    allowed: STAFF,
    request: () => ({
      method: 'POST',
      url: '/api/v1/shops/aulso/imports/shopify',
      headers: { 'content-type': 'application/json' },
      payload: '{"orders":[]}',
    }),
  },
  {
    route: 'GET /api/v1/shops/{id}/orders/{number}',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({ url: `/api/v1/shops/aulso/orders/${fx.orderNumber}` }),
  },
  {
    route: 'GET /api/v1/shops/{id}/orders/{number}/delivery-estimate',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({ url: `/api/v1/shops/aulso/orders/${fx.orderNumber}/delivery-estimate` }),
  },
  {
    route: 'GET /api/v1/shops/{id}/orders/{number}/options',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({ url: `/api/v1/shops/aulso/orders/${fx.orderNumber}/options` }),
  },
  {
    route: 'POST /api/v1/shops/{id}/orders/{number}/preview',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({
      method: 'POST',
      url: `/api/v1/shops/aulso/orders/${fx.orderNumber}/preview`,
      payload: { request: bracelet.request },
    }),
  },
  {
    route: 'GET /api/v1/cases/{id}/issued-money',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({ url: `/api/v1/cases/${fx.caseId}/issued-money` }),
  },
  {
    route: 'GET /api/v1/sessions/current/orders',
    allowed: ['customer', 'otherCustomer'],
    request: () => ({ url: '/api/v1/sessions/current/orders' }),
  },
  {
    route: 'POST /api/v1/shops/{id}/cases',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({
      method: 'POST',
      url: '/api/v1/shops/aulso/cases',
      payload: { orderNumber: fx.orderNumber, request: bracelet.request },
    }),
  },
  {
    route: 'GET /api/v1/cases/{id}',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({ url: `/api/v1/cases/${fx.caseId}` }),
  },
  {
    route: 'POST /api/v1/cases/{id}/actions/{action}',
    allowed: CUSTOMER_AND_STAFF,
    fresh: true,
    request: (fx, who) =>
      isCustomer(who)
        ? { method: 'POST', url: `/api/v1/cases/${fx.caseId}/actions/withdraw`, payload: { revision: fx.revision } }
        : {
            method: 'POST',
            url: `/api/v1/cases/${fx.caseId}/actions/authorize`,
            payload: { revision: fx.revision, shipBy: '2026-07-20T23:59:59+08:00' },
          },
  },
  {
    route: 'POST /api/v1/cases/{id}/messages',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({ method: 'POST', url: `/api/v1/cases/${fx.caseId}/messages`, payload: { body: 'Any news?' } }),
  },
  {
    route: 'GET /api/v1/cases/{id}/messages',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({ url: `/api/v1/cases/${fx.caseId}/messages` }),
  },
  {
    route: 'GET /api/v1/cases/{id}/attachments/{attachmentId}',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({ url: `/api/v1/cases/${fx.caseId}/attachments/${fx.attachmentId}` }),
  },
  {
    route: 'GET /api/v1/cases/{id}/return-slip.pdf',
    allowed: CUSTOMER_AND_STAFF,
    request: (fx) => ({ url: `/api/v1/cases/${fx.caseId}/return-slip.pdf` }),
  },
  { route: 'GET /api/v1/shops/{id}/inbox', allowed: STAFF, request: () => ({ url: '/api/v1/shops/aulso/inbox' }) },
  { route: 'GET /api/v1/mailbox', allowed: STAFF, request: () => ({ url: '/api/v1/mailbox?shop=aulso' }) },
  {
    // Signed by EasyPost, not by a person: no session or token opens it.
    route: 'POST /api/v1/webhooks/easypost',
    allowed: NO_ONE,
    request: () => ({ method: 'POST', url: '/api/v1/webhooks/easypost', payload: { description: 'tracker.updated' } }),
  },
  {
    // Signed by Shopify, not by a person.
    route: 'POST /api/v1/webhooks/shopify/orders',
    allowed: NO_ONE,
    request: () => ({
      method: 'POST',
      url: '/api/v1/webhooks/shopify/orders',
      headers: { 'x-shopify-shop-domain': 'aulso.myshopify.com' },
      payload: { id: 1 },
    }),
  },
  {
    route: 'POST /api/v1/cases/{id}/refunds',
    allowed: STAFF,
    fresh: true,
    request: (fx) => ({ method: 'POST', url: `/api/v1/cases/${fx.caseId}/refunds`, payload: { amountCents: 100 } }),
  },
  {
    route: 'POST /api/v1/cases/{id}/store-credit',
    allowed: STAFF,
    fresh: true,
    request: (fx) => ({
      method: 'POST',
      url: `/api/v1/cases/${fx.caseId}/store-credit`,
      payload: { amountCents: 100 },
    }),
  },
  {
    route: 'POST /api/v1/cases/{id}/charges',
    allowed: STAFF,
    request: (fx) => ({
      method: 'POST',
      url: `/api/v1/cases/${fx.caseId}/charges`,
      payload: { amountCents: 100, reason: 'repair materials' },
    }),
  },
  {
    route: 'GET /api/v1/cases/{id}/ledger',
    allowed: STAFF,
    request: (fx) => ({ url: `/api/v1/cases/${fx.caseId}/ledger` }),
  },
  {
    // Whoever holds the code may read the balance (a gift card).
    route: 'GET /api/v1/gift-cards/{code}',
    allowed: EVERYONE,
    request: (fx) => ({ url: `/api/v1/gift-cards/${fx.giftCard}` }),
  },
  {
    route: 'POST /api/v1/gift-cards/{code}/spend',
    allowed: STAFF,
    request: (fx) => ({ method: 'POST', url: `/api/v1/gift-cards/${fx.giftCard}/spend`, payload: { amountCents: 1 } }),
  },
];

const matrixLogin = { email: 'matrix-owner@example.com', password: '' };

beforeAll(async () => {
  process.env.EASYPOST_WEBHOOK_SECRET ??= 'matrix-test-secret';
  const owner = await createFirstOwner(desk.ctx, matrixLogin.email);
  if (!owner) throw new Error('the test database already had staff');
  matrixLogin.password = owner.password;
  const ownerId = (await findStaffAccountByEmail(desk.ctx.db, owner.email))?.id ?? '';
  const agent = async (shopId: string) => {
    const res = await desk.staff({
      method: 'POST',
      url: `/api/v1/shops/${shopId}/staff`,
      payload: { email: `agent@${shopId}.example`, name: `agent of ${shopId}`, password: 'a long enough password' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  subjects.set('owner', { kind: 'staff', staffId: ownerId });
  subjects.set('agent', { kind: 'staff', staffId: await agent('aulso') });
  subjects.set('otherShopAgent', { kind: 'staff', staffId: await agent('theor') });
  // Ana's session covers every order of hers in Aulso (a sign-in link's); Bo has an order of his own there.
  subjects.set('customer', { kind: 'customer', shopId: 'aulso', email: 'ana@example.com', orderId: null });
  subjects.set('otherCustomer', { kind: 'customer', shopId: 'aulso', email: 'bo@example.com', orderId: null });
  const bos = structuredClone(bracelet);
  bos.order.number = 'AUL-BO';
  await openScenarioCase(desk, bos, 'bo@example.com');
  for (const [who, subject] of subjects) sessions.set(who, await cookieOf(subject));

  const c = await anasCase();
  const message = await desk.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/messages`,
    payload: {
      orderNumber: c.orderNumber,
      email: 'ana@example.com',
      body: 'photo',
      attachments: [{ filename: 'clasp.png', contentType: 'image/png', data: png }],
    },
  });
  const authorized = await desk.staff({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/actions/authorize`,
    payload: { revision: c.revision, shipBy: '2026-07-20T23:59:59+08:00' },
  });
  expect(authorized.statusCode, authorized.body).toBe(200);
  const credit = await anasCase();
  const issued = await desk.staff({
    method: 'POST',
    url: `/api/v1/cases/${credit.id}/store-credit`,
    headers: { 'idempotency-key': randomUUID() },
    payload: { amountCents: 1_000 },
  });
  expect(issued.statusCode, issued.body).toBe(201);
  shared = {
    caseId: c.id,
    orderNumber: c.orderNumber,
    revision: authorized.json().revision,
    attachmentId: message.json().attachments[0].id,
    giftCard: issued.json().giftCard.code,
  };
});

const routesOfDocs = async () => {
  const doc = (await desk.app.inject('/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
};

const DENIED = [401, 403, 404];

/** What a row's request gets from `who`, on the shared fixture or a fresh case. */
async function attempt(row: Row, who: Who, csrf = true): Promise<LightMyRequestResponse> {
  const fx = row.fresh ? await freshFixture() : shared;
  return as(who, await row.request(fx, who), { csrf, fresh: row.options?.fresh ?? false });
}

async function freshFixture(): Promise<Fixture> {
  const c = await anasCase();
  return { ...shared, caseId: c.id, orderNumber: c.orderNumber, revision: c.revision };
}

describe(`the authorization matrix on ${desk.database.kind}`, () => {
  it('has a row for every route of the OpenAPI document, and none for a route that is not there', async () => {
    const routes = await routesOfDocs();
    expect(routes.filter((r) => !ROWS.some((row) => row.route === r))).toEqual([]);
    expect(ROWS.map((row) => row.route).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it.each(ROWS.map((row) => [row.route, row] as const))('%s lets in exactly whom it should', async (_, row) => {
    const outcome: Record<string, number> = {};
    const expected: Record<string, string> = {};
    const actual: Record<string, string> = {};
    for (const who of ACTORS) {
      const res = await attempt(row, who);
      outcome[who] = res.statusCode;
      const allowed = row.allowed.includes(who);
      expected[who] = allowed ? 'allowed' : 'denied';
      const ok = row.ok ?? [200, 201, 202, 204];
      actual[who] = ok.includes(res.statusCode)
        ? 'allowed'
        : DENIED.includes(res.statusCode)
          ? 'denied'
          : `${res.statusCode} ${res.body.slice(0, 200)}`;
      // Anonymous callers of a protected route are asked who they are (401), never told 403.
      if (who === 'anonymous' && !allowed && row.allowed.length > 0) expect(res.statusCode, row.route).toBe(401);
    }
    expect(actual, JSON.stringify(outcome)).toEqual(expected);
  });

  it('refuses every cookie-authenticated write without the CSRF token with 403, naming what to send', async () => {
    // Routes open to anonymous callers (decide, the sign-ins) read no session: a cookie beside them is ignored.
    const writes = ROWS.filter(
      (row) => !row.route.startsWith('GET ') && row.allowed.length > 0 && !row.allowed.includes('anonymous'),
    );
    expect(writes.length).toBeGreaterThan(10);
    for (const row of writes) {
      const who = row.allowed[0] ?? 'owner';
      const res = await attempt(row, who, false);
      expect(res.statusCode, `${row.route} as ${who}: ${res.body}`).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', path: 'x-csrf-token' });
      expect(res.json().message).toContain('X-CSRF-Token');
    }
  });

  it('keeps the development bearer token an owner of every shop', async () => {
    const res = await desk.staff({ url: '/api/v1/shops/theor/inbox', token: OWNER_TOKEN });
    expect(res.statusCode).toBe(200);
    expect((await desk.staff({ url: '/api/v1/sessions/current' })).json()).toMatchObject({
      authenticatedBy: 'token',
      role: 'owner',
      shopId: '*',
    });
  });
});
