import Fastify, { type FastifyInstance } from 'fastify';
import type { ServiceContext } from '../../../services/service-context.ts';
import { createAuth } from '../../auth.ts';
import { installErrorHandlers } from '../../http-errors.ts';
import { registerMoneyRoutes } from './register-money-routes.ts';

/** The development token of the test server: an owner of every shop. */
export const DEV_TOKEN = 'dev-token-for-money-tests';

/** A server with only the money routes, as `buildServer` sets them up; `agents` adds one agent token per shop (`agent-<shopId>`). */
export function moneyTestServer(context: ServiceContext, agents: readonly string[] = []): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(() => (value) => ({ value }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandlers(app);
  const auth = createAuth(context, [
    { token: DEV_TOKEN, role: 'owner', shopId: '*', name: 'dev' },
    ...agents.map((shopId) => ({ token: `agent-${shopId}`, role: 'agent' as const, shopId, name: 'Mei' })),
  ]);
  registerMoneyRoutes(app, { context, auth });
  return app;
}
