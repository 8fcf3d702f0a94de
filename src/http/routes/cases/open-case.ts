import type { FastifyPluginAsync } from 'fastify';
import { assertStaffOfShop } from '../../../services/assert-staff-of-shop.ts';
import { openCase } from '../../../services/open-case.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { readOptionalIdempotencyKey, sendIdempotent } from '../../send-idempotent.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import type { CaseViewBody } from './case-view.schema.ts';
import { OpenCaseBodySchema, openCaseSchema } from './open-case.schema.ts';

const ROUTE = 'POST /api/v1/shops/:id/cases';

/** POST /api/v1/shops/:id/cases: a customer's or staff's request, decided at once, or an inquiry; once per Idempotency-Key, if given. */
export const openCaseRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/cases', { schema: openCaseSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const key = readOptionalIdempotencyKey(request);
    const body = parseInput(OpenCaseBodySchema, request.body);
    const actor = await auth.identify(request, { shopId: id }, body);
    // A customer was identified by the order number and email, both in the body the key is bound to.
    if (key !== undefined && actor.role !== 'customer') await assertStaffOfShop(ctx, actor, id);
    const input = { shopId: id, orderNumber: body.orderNumber, request: body.request, message: body.message };
    return sendIdempotent(ctx, reply, {
      route: ROUTE,
      key,
      shopId: id,
      input: { ...input, email: body.email },
      work: async (inTx): Promise<{ status: number; body: CaseViewBody }> => ({
        status: 201,
        body: await openCase(inTx, actor, input),
      }),
    });
  });
};
