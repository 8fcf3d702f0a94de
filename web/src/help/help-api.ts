import { useQuery } from '@tanstack/react-query';
import { api, dataOrThrow } from '../api/client';
import type { paths } from '../api/schema';

/** A shop's help center as GET /api/v1/shops/{id}/help answers it. */
export type ShopHelp = paths['/api/v1/shops/{id}/help']['get']['responses'][200]['content']['application/json'];
export type FaqEntry = ShopHelp['faq'][number];
export type OrderQuestion = NonNullable<FaqEntry['aboutOrder']>;

/** The shop's help center: questions, size guide and policy page, from its policy in force. */
export function useShopHelp(shopId: string) {
  return useQuery({
    queryKey: ['shop-help', shopId],
    queryFn: async () => dataOrThrow(await api.GET('/api/v1/shops/{id}/help', { params: { path: { id: shopId } } })),
    staleTime: 5 * 60_000,
  });
}

/** The anchor of a topic heading: "Duties and customs" → "duties-and-customs". */
export function topicSlug(topic: string): string {
  return (
    topic
      .toLowerCase()
      .replaceAll(/[^a-z0-9]+/g, '-')
      .replaceAll(/^-|-$/g, '') || 'topic'
  );
}

/** The questions grouped by topic, topics in the order they first appear. */
export function faqByTopic(faq: FaqEntry[]): { topic: string; slug: string; entries: FaqEntry[] }[] {
  const topics = new Map<string, FaqEntry[]>();
  for (const entry of faq) topics.set(entry.topic, [...(topics.get(entry.topic) ?? []), entry]);
  return [...topics].map(([topic, entries]) => ({ topic, slug: topicSlug(topic), entries }));
}

/** Where a help page lives: `/shop/aulso/help/faq`. */
export const helpPath = (shopId: string, page = '') => `/shop/${shopId}/help${page ? `/${page}` : ''}`;

/**
 * The order look-up for a question about one order: the portal's "find my
 * order" page, told what to answer once it has the order (`next`, one of the
 * policy's order questions) and the question as the customer read it.
 */
export function orderLookUpPath(shopId: string, entry: FaqEntry): string {
  const query = new URLSearchParams({ next: entry.aboutOrder ?? 'status', question: entry.question });
  return `/shop/${shopId}?${query}`;
}
