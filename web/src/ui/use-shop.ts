import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';

/** The shops this Loupe serves, as GET /api/v1/shops lists them. */
export function useShops() {
  return useQuery({
    queryKey: ['shops'],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/shops')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** One shop of the list, or undefined while loading or when there is no such shop. */
export function useShop(shopId: string | undefined) {
  const shops = useShops();
  return { ...shops, shop: shops.data?.find((s) => s.id === shopId) };
}
