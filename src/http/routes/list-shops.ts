import type { FastifyPluginAsync } from 'fastify';
import type { Brand } from '../../domain/policy/help.schema.ts';
import type { PolicyLookup } from '../../policies/load-policy-file.ts';
import { listShopsSchema, type ShopSummary } from './list-shops.schema.ts';

/** GET /api/v1/shops: the shops this server has a policy for. */
export const listShopsRoute: FastifyPluginAsync<{ policies: PolicyLookup }> = async (app, { policies }) => {
  app.get(
    '/api/v1/shops',
    { schema: listShopsSchema },
    async (): Promise<ShopSummary[]> =>
      policies
        .ids()
        .flatMap((id) => policies.get(id) ?? [])
        .map((p) => ({
          id: p.id,
          name: p.name,
          version: p.version,
          country: p.profile.country,
          timeZone: p.profile.timeZone,
          currency: p.profile.currency,
          ...(p.brand ? { brand: brandOf(p.brand) } : {}),
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
  );
};

/** The brand as clients use it: colours and storefront, not the policy's note on where they come from. */
function brandOf({ color, inkColor, storefrontUrl }: Brand): NonNullable<ShopSummary['brand']> {
  return { color, inkColor, ...(storefrontUrl ? { storefrontUrl } : {}) };
}
