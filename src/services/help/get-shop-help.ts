import { getShopPolicy } from '../get-shop-policy.ts';
import type { ServiceContext } from '../service-context.ts';
import type { ShopHelp } from './shop-help.schema.ts';
import { shopHelpView } from './shop-help-view.ts';

/**
 * A shop's help center, from its policy version in force now: the same
 * source its policy page is rendered from. No sign-in: it is public.
 * UNKNOWN_SHOP names `id`.
 */
export async function getShopHelp(ctx: ServiceContext, shopId: string): Promise<ShopHelp> {
  const stored = await getShopPolicy(ctx, shopId);
  return shopHelpView(stored.policy, stored);
}
