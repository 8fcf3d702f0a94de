import type { FastifyPluginAsync } from 'fastify';
import { healthSchema } from './health.schema.ts';

/** GET /api/v1/health: the server is up. */
export const healthRoute: FastifyPluginAsync = async (app) => {
  app.get('/api/v1/health', { schema: healthSchema }, async () => ({ ok: true }) as const);
};
