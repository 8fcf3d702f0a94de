import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { toIssues } from '../../domain/contract/parse-case.ts';
import { DomainError, formatPath } from '../../domain/errors.ts';
import { renderPolicy } from '../../domain/policy/render-policy.ts';
import type { PolicyLookup } from '../../policies/load-policy-file.ts';
import { findPolicy } from '../../services/find-policy.ts';
import {
  getShopPolicySchema,
  type PolicyFormat,
  ShopPolicyParamsSchema,
  ShopPolicyQuerySchema,
} from './get-shop-policy.schema.ts';

const MEDIA_TYPES: Record<PolicyFormat, string> = {
  json: 'application/json',
  html: 'text/html',
  md: 'text/markdown',
};

/** `?format=` first; else the first of our media types the Accept header names; else JSON. */
function pickFormat(request: FastifyRequest, asked: PolicyFormat | undefined): PolicyFormat {
  if (asked) return asked;
  const accepted = (request.headers.accept ?? '').split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  for (const media of accepted) {
    const format = (Object.keys(MEDIA_TYPES) as PolicyFormat[]).find((f) => MEDIA_TYPES[f] === media);
    if (format) return format;
  }
  return 'json';
}

/** GET /api/v1/shops/:id/policy: the policy data, or the page generated from it. */
export const getShopPolicyRoute: FastifyPluginAsync<{ policies: PolicyLookup }> = async (app, { policies }) => {
  app.get('/api/v1/shops/:id/policy', { schema: getShopPolicySchema }, async (request, reply) => {
    const params = ShopPolicyParamsSchema.parse(request.params);
    const query = ShopPolicyQuerySchema.safeParse(request.query);
    if (!query.success) {
      const issues = toIssues(query.error);
      throw new DomainError('INVALID_INPUT', `${formatPath(issues[0]?.path ?? [])}: ${issues[0]?.message}`, issues);
    }
    const policy = findPolicy(policies, params.id, 'id');
    const format = pickFormat(request, query.data.format);
    reply.header('vary', 'Accept');
    if (format === 'json') return policy;
    return reply.type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(renderPolicy(policy, format));
  });
};
