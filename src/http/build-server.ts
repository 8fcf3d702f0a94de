import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Policy } from '../domain/policy/policy.schema.ts';
import type { PolicyLookup } from '../policies/load-policy-file.ts';
import { installErrorHandlers } from './http-errors.ts';
import { decideRoute } from './routes/decide.ts';
import { getShopPolicyRoute } from './routes/get-shop-policy.ts';
import { healthRoute } from './routes/health.ts';
import { indexPageRoute } from './routes/index-page.ts';
import { listShopsRoute } from './routes/list-shops.ts';

/** What the server is built from: the policies it decides with, and a logger (none in tests). */
export type ServerOptions = { policies: ReadonlyMap<string, Policy>; logger?: FastifyBaseLogger };

/**
 * Loupe's HTTP API, not yet listening (tests use `app.inject()`). Route
 * schemas are documentation only: input is read by the zod schemas in the
 * handlers (one validation, zod's paths and messages, nothing stripped or
 * coerced), and answers are plain JSON.stringify, never filtered by a schema.
 */
export function buildServer({ policies: byId, logger }: ServerOptions): FastifyInstance {
  const policies: PolicyLookup = { get: (id) => byId.get(id), ids: () => [...byId.keys()].sort() };
  const app: FastifyInstance = logger ? Fastify({ loggerInstance: logger }) : Fastify({ logger: false });
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
        { name: 'system', description: 'Operations' },
        { name: 'pages', description: 'HTML pages for people' },
      ],
    },
  });
  app.register(swaggerUi, { routePrefix: '/docs' });

  app.register(indexPageRoute, { policies });
  app.register(healthRoute);
  app.register(listShopsRoute, { policies });
  app.register(getShopPolicyRoute, { policies });
  app.register(decideRoute, { policies });
  return app;
}
