import type { Server } from 'node:http';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import type { Policy } from '../domain/policy/policy.schema.ts';
import type { PolicyLookup } from '../policies/load-policy-file.ts';
import { liveContext, type ServiceContext } from '../services/service-context.ts';
import type { LoupeDatabase } from '../storage/database.ts';
import { createAuth, type DeskDeps, type StaffToken } from './auth.ts';
import { registerDeskRoutes } from './desk-routes.ts';
import { installErrorHandlers } from './http-errors.ts';
import { PEOPLE_TAG, registerPeopleRoutes } from './people-routes.ts';
import { decideRoute } from './routes/decide.ts';
import { getShopPolicyRoute } from './routes/get-shop-policy.ts';
import { healthRoute } from './routes/health.ts';
import { indexPageRoute } from './routes/index-page.ts';
import { listShopsRoute } from './routes/list-shops.ts';
import { MONEY_TAG, type MoneyRouteDeps, registerMoneyRoutes } from './routes/money/register-money-routes.ts';
import { registerWebApp } from './web-app.ts';

/**
 * What the server is built from: the policies it decides with, and a logger
 * (none in tests). With a database (`db`, or a `context` holding one with the
 * clock and ids) it serves the desk and money routes too; without one they
 * are documented but answer 500. People sign in to a session cookie
 * (docs/decisions/014); API clients may send a bearer token instead:
 * `devToken` is an owner of every shop, `staffTokens` adds others (agents,
 * one shop's staff).
 */
export type ServerOptions = {
  policies: ReadonlyMap<string, Policy>;
  logger?: FastifyBaseLogger;
  db?: LoupeDatabase;
  context?: ServiceContext;
  devToken?: string;
  staffTokens?: readonly StaffToken[];
  /** The money routes' database and authentication, when they differ from the desk's. */
  money?: MoneyRouteDeps;
  /** Where the customer portal is, for the links mailed to sign in (default LOUPE_PUBLIC_URL, else http://localhost:3000). */
  publicUrl?: string;
  /**
   * Behind a reverse proxy: whose X-Forwarded-For to believe (Fastify's
   * `trustProxy`: true, a number of hops, or addresses and CIDRs), so rate
   * limits count each customer, not the proxy. Default: none (TRUST_PROXY).
   */
  trustProxy?: boolean | number | string;
};

/** TRUST_PROXY as Fastify takes it: "true", a hop count, or a comma-separated list of addresses and CIDRs. */
export function readTrustProxy(text: string | undefined): boolean | number | string | undefined {
  const value = text?.trim();
  if (!value || value === 'false') return undefined;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Loupe's HTTP API, not yet listening (tests use `app.inject()`). Route
 * schemas are documentation only: input is read by the zod schemas in the
 * handlers (one validation, zod's paths and messages, nothing stripped or
 * coerced), and answers are plain JSON.stringify, never filtered by a schema.
 */
export function buildServer(options: ServerOptions): FastifyInstance {
  const { policies: byId, logger } = options;
  const policies: PolicyLookup = { get: (id) => byId.get(id), ids: () => [...byId.keys()].sort() };
  const trustProxy = options.trustProxy ?? readTrustProxy(process.env.TRUST_PROXY);
  const app: FastifyInstance = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    ...(trustProxy === undefined ? {} : { trustProxy }),
  } as FastifyHttpOptions<Server>);
  app.setValidatorCompiler(() => (value) => ({ value }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandlers(app);

  app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Loupe API',
        version: '1.0.0',
        description:
          'Decides after-sales requests (cancel, return, exchange, warranty…) against a shop’s policy, quoting the shop’s own words. Every error answers `{ code, message, path? }` with a code of one catalogue.',
      },
      tags: [
        { name: 'decisions', description: 'Apply a shop’s policy to a case' },
        { name: 'shops', description: 'The shops and their policies' },
        { name: 'orders', description: 'Orders, their parcels and delivery estimates' },
        { name: 'cases', description: 'After-sales cases: decisions, the lifecycle, conversations' },
        { name: 'inbox', description: 'What is due, for the shop’s staff' },
        { name: 'system', description: 'Operations' },
        PEOPLE_TAG,
        { name: 'pages', description: 'HTML pages for people' },
        MONEY_TAG,
      ],
      components: {
        securitySchemes: {
          staffToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'Staff API clients: the development token `loupe serve` prints. People sign in to a session cookie instead; customers may also send their order number and email.',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'loupe_session',
            description:
              'A session from POST /api/v1/sessions/staff, /shops/{id}/sessions/customer or /sessions/link. Every POST, PUT, PATCH or DELETE with it must send `X-CSRF-Token` (the `loupe_csrf` cookie), else 403.',
          },
        },
      },
    },
  });
  app.register(swaggerUi, { routePrefix: '/docs' });

  app.register(indexPageRoute, { policies });
  app.register(healthRoute);
  app.register(listShopsRoute, { policies });
  const deps = deskDepsOf(options);
  app.register(getShopPolicyRoute, { policies, deps });
  app.register(decideRoute, { policies });
  registerPeopleRoutes(app, deps, options.publicUrl ?? (process.env.LOUPE_PUBLIC_URL || 'http://localhost:3000'));
  registerDeskRoutes(app, deps);
  registerMoneyRoutes(app, options.money ?? deps);
  registerWebApp(app);
  return app;
}

/** The desk's context and authentication: the development token is an owner of every shop. */
function deskDepsOf(options: ServerOptions): DeskDeps | undefined {
  const context = options.context ?? (options.db ? liveContext(options.db) : undefined);
  if (!context) return undefined;
  const tokens = [...(options.staffTokens ?? [])];
  if (options.devToken) tokens.push({ token: options.devToken, role: 'owner', shopId: '*', name: 'dev' });
  return { context, auth: createAuth(context, tokens) };
}
