import type { FastifyPluginAsync } from 'fastify';
import { getCaseLedger } from '../../../services/money/get-case-ledger.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { getCaseLedgerSchema } from './get-case-ledger.schema.ts';
import { CaseParamsSchema } from './money.schema.ts';

/** GET /api/v1/cases/:id/ledger: the case's money, for its shop's staff. */
export const getCaseLedgerRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/cases/:id/ledger', { schema: getCaseLedgerSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const actor = auth.requireStaff(request);
    const { id } = parseInput(CaseParamsSchema, request.params);
    return getCaseLedger(ctx, actor, id);
  });
};
