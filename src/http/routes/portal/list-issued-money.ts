import type { FastifyPluginAsync } from 'fastify';
import { listIssuedMoney } from '../../../services/portal/list-issued-money.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { CustomerQuerySchema } from '../cases/get-case.schema.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { listIssuedMoneySchema } from './list-issued-money.schema.ts';

/** GET /api/v1/cases/:id/issued-money: the refunds and gift-card codes a case gave its customer. */
export const listIssuedMoneyRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/cases/:id/issued-money', { schema: listIssuedMoneySchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(CaseParamsSchema, request.params);
    const query = parseInput(CustomerQuerySchema, request.query);
    return listIssuedMoney(ctx, await auth.identify(request, { caseId: id }, query), id);
  });
};
