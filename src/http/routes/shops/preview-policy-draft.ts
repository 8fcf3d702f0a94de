import type { FastifyPluginAsync } from 'fastify';
import { previewPolicyDraft } from '../../../services/preview-policy-draft.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { PreviewPolicyDraftBodySchema, previewPolicyDraftSchema } from './preview-policy-draft.schema.ts';

/** POST /api/v1/shops/:id/policy-versions/preview: open cases under a draft, beside how they were decided. */
export const previewPolicyDraftRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.post('/api/v1/shops/:id/policy-versions/preview', { schema: previewPolicyDraftSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id } = parseInput(ShopParamsSchema, request.params);
    const actor = auth.requireStaff(request);
    const { yaml } = parseInput(PreviewPolicyDraftBodySchema, request.body);
    return previewPolicyDraft(ctx, actor, { shopId: id, yaml });
  });
};
