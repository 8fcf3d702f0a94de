import type { FastifyPluginAsync } from 'fastify';
import { issueStoreCredit } from '../../../services/money/issue-store-credit.ts';
import { resolveMoneyShop } from '../../../services/money/resolve-money-shop.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { readIdempotencyKey, sendIdempotent } from '../../send-idempotent.ts';
import { IssueStoreCreditBodySchema, issueStoreCreditSchema } from './issue-store-credit.schema.ts';
import { CaseParamsSchema } from './money.schema.ts';

const ROUTE = 'POST /api/v1/cases/:id/store-credit';

/** POST /api/v1/cases/:id/store-credit: store credit as a new gift card, once per Idempotency-Key. */
export const issueStoreCreditRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/cases/:id/store-credit', { schema: issueStoreCreditSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const actor = auth.requireStaff(request);
    const key = readIdempotencyKey(request);
    const { id: caseId } = parseInput(CaseParamsSchema, request.params);
    const body = parseInput(IssueStoreCreditBodySchema, request.body);
    const shopId = await resolveMoneyShop(ctx, actor, { caseId });
    const input = { caseId, ...body };
    return sendIdempotent(ctx, reply, {
      route: ROUTE,
      key,
      shopId,
      input,
      work: async (inTx) => ({
        status: 201,
        body: await issueStoreCredit(inTx, actor, { ...input, idempotencyKey: key }),
      }),
    });
  });
};
