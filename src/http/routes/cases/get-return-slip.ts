import type { FastifyPluginAsync } from 'fastify';
import { renderReturnSlip } from '../../../documents/render-return-slip.ts';
import { getReturnSlip } from '../../../services/get-return-slip.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { CustomerQuerySchema } from './get-case.schema.ts';
import { getReturnSlipSchema } from './get-return-slip.schema.ts';

/** GET /api/v1/cases/:id/return-slip.pdf: the slip a customer prints and puts in their return parcel. */
export const getReturnSlipRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/cases/:id/return-slip.pdf', { schema: getReturnSlipSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(CaseParamsSchema, request.params);
    const query = parseInput(CustomerQuerySchema, request.query);
    const slip = await getReturnSlip(ctx, await auth.identify(request, { caseId: id }, query), id);
    const pdf = await renderReturnSlip(slip);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="return-slip-${slip.caseReference}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });
};
