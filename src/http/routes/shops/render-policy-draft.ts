import type { FastifyPluginAsync } from 'fastify';
import { renderPolicyDraft } from '../../../services/render-policy-draft.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { RenderPolicyDraftBodySchema, renderPolicyDraftSchema } from './render-policy-draft.schema.ts';

/** POST /api/v1/shops/:id/policy-versions/render: a draft policy's customer-facing page. */
export const renderPolicyDraftRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/policy-versions/render', { schema: renderPolicyDraftSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const { yaml } = parseInput(RenderPolicyDraftBodySchema, request.body);
    return renderPolicyDraft(ctx, auth.requireStaff(request), id, yaml);
  });
};
