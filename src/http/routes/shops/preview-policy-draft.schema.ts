import { z } from 'zod';
import { ResolutionSchema } from '../../../domain/contract/case.schema.ts';
import { OutcomeSchema } from '../../../domain/contract/decision.schema.ts';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CaseStateSchema } from '../cases/case-view.schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { LintFindingSchema, PolicyYamlSchema } from './policy-version.schema.ts';

export const PreviewPolicyDraftBodySchema = z.strictObject({ yaml: PolicyYamlSchema });

const DecisionSummarySchema = z.object({
  policyVersion: z.string(),
  outcome: OutcomeSchema,
  resolutions: z.array(ResolutionSchema),
  refundableCents: z.number().int(),
});

export const PolicyDraftPreviewSchema = z.object({
  version: z.string(),
  lint: z.array(LintFindingSchema),
  cases: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      state: CaseStateSchema,
      current: DecisionSummarySchema.nullable(),
      draft: z.union([DecisionSummarySchema, z.object({ error: z.string() })]),
      changed: z.boolean(),
    }),
  ),
});

/** Docs of POST /api/v1/shops/:id/policy-versions/preview. */
export const previewPolicyDraftSchema = {
  operationId: 'previewPolicyDraft',
  tags: ['shops'],
  summary: 'Preview how open cases would be decided under a draft policy',
  description:
    'Decides every open request of the shop again under the draft, at the moment it was asked, and shows the old and the new answer side by side. Nothing is stored; lint findings are listed (errors included). Roles: agent, owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  body: toOpenApiSchema(PreviewPolicyDraftBodySchema, 'input'),
  security: STAFF_ONLY,
  response: {
    200: {
      ...toOpenApiSchema(PolicyDraftPreviewSchema),
      description: 'Each open case, as decided and under the draft',
    },
    ...errorResponses(400, 401, 403, 404),
  },
};
