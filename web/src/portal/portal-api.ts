import { useQuery } from '@tanstack/react-query';
import { ApiFailure, api, dataOrThrow } from '../api/client';

/** The signed-in customer's orders, or none when no customer is signed in. */
export function useMyOrders() {
  return useQuery({
    queryKey: ['my-orders'],
    queryFn: async () => {
      const result = await api.GET('/api/v1/sessions/current/orders');
      // Not signed in (401) or staff (403): no orders of their own to list.
      if (result.response.status === 401 || result.response.status === 403) return [];
      return dataOrThrow(result);
    },
  });
}

/** The order page's data: the order as GET /orders/{number} gives it. */
export function useOrder(shopId: string, number: string) {
  return useQuery({
    queryKey: ['order', shopId, number],
    queryFn: async () =>
      dataOrThrow(await api.GET('/api/v1/shops/{id}/orders/{number}', { params: { path: { id: shopId, number } } })),
  });
}

/** What the customer may ask for now about an order. */
export function useOrderOptions(shopId: string, number: string) {
  return useQuery({
    queryKey: ['order-options', shopId, number],
    queryFn: async () =>
      dataOrThrow(
        await api.GET('/api/v1/shops/{id}/orders/{number}/options', { params: { path: { id: shopId, number } } }),
      ),
  });
}

/** Minutes to wait after a 429 ("try again in 840 s" -> 14), else undefined. */
export function minutesToWait(error: unknown): number | undefined {
  if (!(error instanceof ApiFailure) || error.status !== 429) return undefined;
  const seconds = Number(/(\d+)\s*s\b/.exec(error.body.message)?.[1] ?? 60);
  return Math.max(1, Math.ceil(seconds / 60));
}

/** Whether the server refused who the caller is (no session, or a session that does not cover this). */
export const isSignInNeeded = (error: unknown): boolean =>
  error instanceof ApiFailure && (error.status === 401 || error.status === 403);
