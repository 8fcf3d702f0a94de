import type { FastifyPluginAsync } from 'fastify';
import { previewRequest } from '../../../services/portal/preview-request.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { OrderParamsSchema } from '../params.schema.ts';
import { PreviewRequestBodySchema, previewRequestSchema } from './preview-request.schema.ts';

/** POST /api/v1/shops/:id/orders/:number/preview: the decision a request would get, nothing stored. */
export const previewRequestRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/orders/:number/preview', { schema: previewRequestSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id, number } = parseInput(OrderParamsSchema, request.params);
    const body = parseInput(PreviewRequestBodySchema, request.body);
    const actor = await auth.identify(request, { shopId: id }, body);
    return previewRequest(ctx, actor, id, number, body.request);
  });
};
