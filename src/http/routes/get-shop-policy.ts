import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import { renderPolicy } from '../../domain/policy/render-policy.ts';
import type { PolicyLookup } from '../../policies/load-policy-file.ts';
import { findPolicy } from '../../services/find-policy.ts';
import { getShopPolicy } from '../../services/get-shop-policy.ts';
import type { DeskDeps } from '../auth.ts';
import { parseInput } from '../parse-input.ts';
import {
  getShopPolicySchema,
  POLICY_EFFECTIVE_FROM_HEADER,
  POLICY_VERSION_HEADER,
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

/** The route's options: the bundled policies, and the desk's deps when the server has a database. */
export type ShopPolicyRouteOptions = { policies: PolicyLookup; deps?: DeskDeps | undefined };

/**
 * GET /api/v1/shops/:id/policy: the policy data, or the page generated from
 * it. With a database, the version in force now (what `POST
 * /shops/:id/policy-versions` published) or the one `?version=` names; a
 * server without one serves the bundled file, and knows no other version.
 */
export const getShopPolicyRoute: FastifyPluginAsync<ShopPolicyRouteOptions> = async (app, { policies, deps }) => {
  app.get('/api/v1/shops/:id/policy', { schema: getShopPolicySchema }, async (request, reply) => {
    const params = parseInput(ShopPolicyParamsSchema, request.params);
    const query = parseInput(ShopPolicyQuerySchema, request.query);
    const format = pickFormat(request, query.format);
    let policy: Policy;
    let version: string;
    if (deps) {
      const stored = await getShopPolicy(deps.context, params.id, query.version);
      ({ policy, version } = stored);
      reply.header(POLICY_EFFECTIVE_FROM_HEADER, stored.effectiveFrom.toISOString());
    } else {
      policy = findPolicy(policies, params.id, 'id');
      version = policy.version;
      if (query.version !== undefined && query.version !== version) throw bundledOnly(policy, query.version);
    }
    // Any version name becomes a valid header value; `2026-11-01` reads as is.
    reply.header(POLICY_VERSION_HEADER, encodeURIComponent(version));
    reply.header('vary', 'Accept');
    if (format === 'json') return policy;
    return reply.type(`${MEDIA_TYPES[format]}; charset=utf-8`).send(renderPolicy(policy, format));
  });
};

/** A server without a database has only the bundled file's version. */
function bundledOnly(policy: Policy, version: string): DomainError {
  return new DomainError(
    'NOT_FOUND',
    `version: this server has only the bundled policy of "${policy.id}", version "${policy.version}", not "${version}"`,
    [{ code: 'unknown_version', path: ['version'], message: `known versions: ${policy.version}` }],
  );
}
