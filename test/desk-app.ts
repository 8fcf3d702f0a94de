import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll } from 'vitest';
import type { CaseInput } from '../src/domain/contract/case.schema.ts';
import { buildServer } from '../src/http/build-server.ts';
import { loadBundledPolicies } from '../src/policies/load-policy-file.ts';
import type { ServiceContext } from '../src/services/service-context.ts';
import { syncBundledPolicies } from '../src/services/sync-bundled-policies.ts';
import { type TestDatabase, testDatabase } from './database.ts';

/** The development token of the test server: an owner of every shop. */
export const OWNER_TOKEN = 'test-owner-token';
/** An agent of Aulso only. */
export const AULSO_AGENT_TOKEN = 'test-aulso-agent-token';
/** An owner of The Or only. */
export const THEOR_OWNER_TOKEN = 'test-theor-owner-token';

/** When the bundled policies were synced: orders placed before fall under the first version anyway. */
export const SYNCED_AT = '2026-01-01T00:00:00Z';

/** A desk server on a fresh test database, with a clock the test moves. */
export type DeskApp = {
  app: FastifyInstance;
  database: TestDatabase;
  ctx: ServiceContext;
  /** Sets the clock the services read. */
  setNow(iso: string): void;
  /** A request as the owner (or with `token`). */
  staff(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  /** A request with a session's cookies, and its `X-CSRF-Token` unless `csrf: false`. */
  withSession(session: TestSession, options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
  /** Adds an agent of the shop as the owner, and signs them in. */
  signInAgent(shopId: string, name: string): Promise<TestSession>;
  /** Signs a customer in to one order by its number and email. */
  signInCustomer(shopId: string, orderNumber: string, email: string): Promise<TestSession>;
};

/** A signed-in browser: its Cookie header and the session's CSRF token. */
export type TestSession = { cookie: string; csrfToken: string };

/** The session a sign-in answer set: its cookies as a Cookie header, and the CSRF token. */
export function sessionOf(res: LightMyRequestResponse): TestSession {
  if (res.statusCode !== 201) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.cookies.find((c) => c.name === 'loupe_csrf')?.value;
  if (!csrf) throw new Error('no loupe_csrf cookie');
  return { cookie: cookies, csrfToken: csrf };
}

/**
 * Builds the server on this test file's database (PGlite, or PostgreSQL with
 * LOUPE_TEST_DATABASE_URL), with the bundled shops synced at SYNCED_AT and
 * staff tokens for an owner of every shop, an Aulso agent and a The Or owner.
 */
export async function deskApp(): Promise<DeskApp> {
  const database = await testDatabase();
  let now = new Date(SYNCED_AT);
  const ctx: ServiceContext = { db: database.db, now: () => now, newId: () => randomUUID() };
  await syncBundledPolicies(ctx);
  const app = buildServer({
    policies: loadBundledPolicies(),
    context: ctx,
    devToken: OWNER_TOKEN,
    staffTokens: [
      { token: AULSO_AGENT_TOKEN, role: 'agent', shopId: 'aulso', name: 'sam' },
      { token: THEOR_OWNER_TOKEN, role: 'owner', shopId: 'theor', name: 'theo' },
    ],
  });
  await app.ready();
  afterAll(() => app.close());
  return {
    app,
    database,
    ctx,
    setNow(iso) {
      now = new Date(iso);
    },
    staff({ token = OWNER_TOKEN, headers, ...options }) {
      return app.inject({ ...options, headers: { ...headers, authorization: `Bearer ${token}` } });
    },
    withSession(session, { csrf = true, headers, ...options }) {
      return app.inject({
        ...options,
        headers: { ...headers, cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}) },
      });
    },
    async signInAgent(shopId, name) {
      const email = `${name}.${randomUUID().slice(0, 8)}@${shopId}.example`;
      const password = `password-of-${name}-${randomUUID()}`;
      const added = await app.inject({
        method: 'POST',
        url: `/api/v1/shops/${shopId}/staff`,
        headers: { authorization: `Bearer ${OWNER_TOKEN}` },
        payload: { email, name, password },
      });
      if (added.statusCode !== 201) throw new Error(`adding the agent failed: ${added.body}`);
      return sessionOf(
        await app.inject({ method: 'POST', url: '/api/v1/sessions/staff', payload: { email, password } }),
      );
    },
    async signInCustomer(shopId, orderNumber, email) {
      return sessionOf(
        await app.inject({
          method: 'POST',
          url: `/api/v1/shops/${shopId}/sessions/customer`,
          payload: { orderNumber, email },
        }),
      );
    },
  };
}

/** Imports a scenario's order as the owner and opens its request as the order's customer, at the scenario's moment. */
export async function openScenarioCase(
  desk: DeskApp,
  c: CaseInput,
  email = 'ana@example.com',
): Promise<{ id: string; revision: number; [key: string]: unknown }> {
  const imported = await desk.staff({
    method: 'POST',
    url: `/api/v1/shops/${c.shop}/orders`,
    payload: { order: c.order, customer: { email, name: 'Ana' } },
  });
  if (imported.statusCode >= 300) throw new Error(`import failed: ${imported.body}`);
  desk.setNow(c.now);
  const opened = await desk.app.inject({
    method: 'POST',
    url: `/api/v1/shops/${c.shop}/cases`,
    payload: { orderNumber: c.order.number, email, request: c.request },
  });
  if (opened.statusCode !== 201) throw new Error(`open failed: ${opened.body}`);
  return opened.json();
}
