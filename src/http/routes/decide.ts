import type { FastifyPluginAsync } from 'fastify';
import type { PolicyLookup } from '../../policies/load-policy-file.ts';
import { decideCase } from '../../services/decide-case.ts';
import { decideSchema } from './decide.schema.ts';

/** POST /api/v1/decide: a contract case in, the decision out. */
export const decideRoute: FastifyPluginAsync<{ policies: PolicyLookup }> = async (app, { policies }) => {
  app.post('/api/v1/decide', { schema: decideSchema }, async (request) => decideCase(policies, request.body));
};
