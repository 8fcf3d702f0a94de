import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { StaffActor } from '../services/assert-access.ts';
import { type CustomerTarget, identifyCustomer } from '../services/identify-customer.ts';
import { hashToken, isCsrfTokenOf } from '../services/people/session-token.ts';
import { staffActor } from '../services/people/staff-actor.ts';
import type { Actor, ServiceContext } from '../services/service-context.ts';
import { findLiveSession, type LiveSession, touchSession } from '../storage/repositories/sessions.ts';
import { RateLimiter, SIGN_IN_LIMIT } from './rate-limiter.ts';
import { CSRF_COOKIE, CSRF_HEADER, readCookies, SESSION_COOKIE } from './session-cookies.ts';

/**
 * A staff member's bearer token (the development token; API clients): the
 * role it carries and the shop it serves (`*`: every shop).
 */
export type StaffToken = { token: string; role: 'agent' | 'owner'; shopId: string; name: string };

/** The fields a customer identifies with, in a body or a query: the order number and the order's email. */
export const CustomerFieldsSchema = z.object({
  orderNumber: z.string().min(1).optional().describe('customers: the number of their order'),
  email: z.string().min(1).optional().describe('customers: the email the order was placed with'),
});
export type CustomerFields = z.infer<typeof CustomerFieldsSchema>;

/** The OpenAPI security of a route staff and customers both use: a staff token, a session, or none (the customer's fields). */
export const STAFF_OR_CUSTOMER: Record<string, string[]>[] = [{ staffToken: [] }, { session: [] }, {}];
/** The OpenAPI security of a staff-only route: a staff token or a staff session. */
export const STAFF_ONLY: Record<string, string[]>[] = [{ staffToken: [] }, { session: [] }];

/** A request signed in by its session cookie: the session, its secret (for the CSRF check) and who it signs in. */
export type CookieSession = { session: LiveSession; token: string; actor: Actor };

/** Tells who is calling: staff by their bearer token, anyone by their session cookie, customers by their order number and email. */
export type Auth = {
  /** The staff member named by the `Authorization: Bearer` header or a staff session; undefined without either. */
  staff(request: FastifyRequest): StaffActor | undefined;
  /** The caller of a route staff and customers both use; UNAUTHORIZED when no one identifies. */
  identify(request: FastifyRequest, target: CustomerTarget, fields: CustomerFields): Promise<Actor>;
  /** The caller of a staff-only route; UNAUTHORIZED without a token or session, FORBIDDEN for a customer's session. */
  requireStaff(request: FastifyRequest): StaffActor;
  /** Reads the session cookie once per request (an `onRequest` hook); a request with a bearer token skips it. */
  readSession(request: FastifyRequest): Promise<void>;
  /** The request's live session, whatever the method (no CSRF check): for GET /sessions/current and signing out. */
  session(request: FastifyRequest): CookieSession | undefined;
  /** Sign-in and look-up attempts, per IP and identifier (kept in this process's memory). */
  limiter: RateLimiter;
};

const unauthorized = (message: string) =>
  new DomainError('UNAUTHORIZED', message, [{ code: 'unauthorized', path: ['authorization'], message }]);

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses (FORBIDDEN) a write authenticated by the session cookie without the
 * session's CSRF token in `X-CSRF-Token`: a page on another site can make the
 * browser send the cookie, but cannot read the token.
 */
export function assertCsrfToken(request: FastifyRequest, cookie: CookieSession): void {
  if (!WRITES.has(request.method)) return;
  const given = request.headers[CSRF_HEADER];
  if (typeof given === 'string' && isCsrfTokenOf(cookie.token, given)) return;
  const message = `a write signed in by the session cookie needs the X-CSRF-Token header: the value of the ${CSRF_COOKIE} cookie, or csrfToken from GET /api/v1/sessions/current`;
  throw new DomainError('FORBIDDEN', message, [{ code: 'csrf', path: [CSRF_HEADER], message }]);
}

/** The actor a live session signs in. */
function sessionActor(s: LiveSession): Actor | undefined {
  if (s.kind === 'staff') return s.staff ? staffActor(s.staff) : undefined;
  if (!s.shopId || !s.customerEmail) return undefined;
  return { role: 'customer', shopId: s.shopId, orderIds: s.orderIds, email: s.customerEmail };
}

/** How often a session's `last_seen_at` is written: at most once a minute. */
const TOUCH_MS = 60_000;

/**
 * The server's authentication: staff tokens are compared by their SHA-256
 * (a look-up that does not leak a token's characters through timing);
 * sessions are read by their cookie's SHA-256 in `readSession`. A bearer
 * token wins over a cookie, a cookie over an order number and email.
 */
export function createAuth(ctx: ServiceContext, tokens: readonly StaffToken[]): Auth {
  const byHash = new Map(
    tokens.map((t): [string, StaffActor] => [hashToken(t.token), { role: t.role, shopId: t.shopId, name: t.name }]),
  );
  const cookies = new WeakMap<FastifyRequest, CookieSession>();
  const limiter = new RateLimiter(ctx.db, SIGN_IN_LIMIT, ctx.now);
  const bearer = (request: FastifyRequest): StaffActor | undefined => {
    const header = request.headers.authorization;
    if (header === undefined) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const actor = match?.[1] ? byHash.get(hashToken(match[1])) : undefined;
    if (!actor) throw unauthorized('the bearer token is not one this server knows');
    return actor;
  };
  /** The cookie session's actor, once a write has shown the CSRF token. */
  const cookieActor = (request: FastifyRequest): Actor | undefined => {
    const cookie = cookies.get(request);
    if (!cookie) return undefined;
    assertCsrfToken(request, cookie);
    return cookie.actor;
  };
  const staff = (request: FastifyRequest): StaffActor | undefined => {
    const actor = bearer(request) ?? cookieActor(request);
    if (actor?.role === 'customer') {
      throw new DomainError('FORBIDDEN', 'staff only: a customer’s session cannot do this');
    }
    return actor?.role === 'system' ? undefined : actor;
  };
  return {
    staff,
    limiter,
    requireStaff(request) {
      const actor = staff(request);
      if (!actor) throw unauthorized('staff only: sign in, or send Authorization: Bearer <token>');
      return actor;
    },
    async identify(request, target, fields) {
      const actor = bearer(request) ?? cookieActor(request);
      if (actor) return actor;
      if (!fields.orderNumber || !fields.email) {
        throw unauthorized(
          'sign in, or send Authorization: Bearer <token> (staff), or orderNumber and email (customers)',
        );
      }
      const key = `lookup:${request.ip}:${fields.orderNumber.trim().toLowerCase()}`;
      try {
        // The attempts counting against the key are read with the order: no round trip of their own.
        return await identifyCustomer(
          ctx,
          target,
          { orderNumber: fields.orderNumber, email: fields.email },
          { key, assertAllowed: (attempts) => limiter.assertWithin(attempts, 'order look-up') },
        );
      } catch (err) {
        if (err instanceof DomainError && err.code === 'UNAUTHORIZED') await limiter.record(key);
        throw err;
      }
    },
    async readSession(request) {
      if (request.headers.authorization !== undefined) return;
      const token = readCookies(request).get(SESSION_COOKIE);
      if (!token) return;
      const now = ctx.now();
      const session = await findLiveSession(ctx.db, hashToken(token), now);
      const actor = session && sessionActor(session);
      if (!session || !actor) return;
      if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_MS) await touchSession(ctx.db, session.id, now);
      cookies.set(request, { session, token, actor });
    },
    session: (request) => cookies.get(request),
  };
}

/** What the desk's routes need: the services' context (database, clock, ids) and the server's authentication. */
export type DeskDeps = { context: ServiceContext; auth: Auth };

/** Options of each desk route plugin: the deps, absent on a server built without a database. */
export type DeskRouteOptions = { deps: DeskDeps | undefined };

/**
 * The deps, or a fault of the server's set-up (500): a server built without a
 * database still documents the desk's routes but cannot serve them.
 */
export function deskDeps({ deps }: DeskRouteOptions): DeskDeps {
  if (!deps) throw new Error('the desk routes were registered without a database');
  return deps;
}
