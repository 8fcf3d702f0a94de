import type { FastifyPluginAsync } from 'fastify';
import { chargeCustomer } from '../../../services/money/charge-customer.ts';
import { recordRestockingFee } from '../../../services/money/record-restocking-fee.ts';
import { resolveMoneyShop } from '../../../services/money/resolve-money-shop.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { readIdempotencyKey, sendIdempotent } from '../../send-idempotent.ts';
import { ChargeCaseBodySchema, chargeCaseSchema } from './charge-case.schema.ts';
import { CaseParamsSchema } from './money.schema.ts';

const ROUTE = 'POST /api/v1/cases/:id/charges';

/** POST /api/v1/cases/:id/charges: a charge or a restocking fee, once per Idempotency-Key. */
export const chargeCaseRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/cases/:id/charges', { schema: chargeCaseSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const actor = auth.requireStaff(request);
    const key = readIdempotencyKey(request);
    const { id: caseId } = parseInput(CaseParamsSchema, request.params);
    const { kind, ...body } = parseInput(ChargeCaseBodySchema, request.body);
    const shopId = await resolveMoneyShop(ctx, actor, { caseId });
    const book = kind === 'charge' ? chargeCustomer : recordRestockingFee;
    const input = { caseId, ...body };
    return sendIdempotent(ctx, reply, {
      route: ROUTE,
      key,
      shopId,
      input: { ...input, kind },
      work: async (inTx) => ({ status: 201, body: await book(inTx, actor, { ...input, idempotencyKey: key }) }),
    });
  });
};
