import type { FastifyPluginAsync } from 'fastify';
import { issueRefund } from '../../../services/money/issue-refund.ts';
import { resolveMoneyShop } from '../../../services/money/resolve-money-shop.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { readIdempotencyKey, sendIdempotent } from '../../send-idempotent.ts';
import { IssueRefundBodySchema, issueRefundSchema } from './issue-refund.schema.ts';
import { CaseParamsSchema } from './money.schema.ts';

const ROUTE = 'POST /api/v1/cases/:id/refunds';

/** POST /api/v1/cases/:id/refunds: a refund to the original payment method, once per Idempotency-Key. */
export const issueRefundRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/cases/:id/refunds', { schema: issueRefundSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const actor = auth.requireStaff(request);
    const key = readIdempotencyKey(request);
    const { id: caseId } = parseInput(CaseParamsSchema, request.params);
    const body = parseInput(IssueRefundBodySchema, request.body);
    const shopId = await resolveMoneyShop(ctx, actor, { caseId });
    const input = { caseId, ...body };
    return sendIdempotent(ctx, reply, {
      route: ROUTE,
      key,
      shopId,
      input,
      work: async (inTx) => ({ status: 201, body: await issueRefund(inTx, actor, { ...input, idempotencyKey: key }) }),
    });
  });
};
