import type { paths } from '../api/schema';
import { useShops } from '../ui/use-shop';

/** A staff member's session as GET /api/v1/sessions/current answers it. */
export type StaffSession = paths['/api/v1/sessions/current']['get']['responses'][200]['content']['application/json'];
/** A shop as GET /api/v1/shops lists it. */
export type Shop = paths['/api/v1/shops']['get']['responses'][200]['content']['application/json'][number];

/** The shops a staff member serves: every shop for an owner of all (`*`), else theirs. */
export function useStaffShops(who: StaffSession) {
  const shops = useShops();
  const served = (shops.data ?? []).filter((s) => who.shopId === '*' || s.id === who.shopId);
  return { ...shops, served };
}
