import MiniSearch, { type SearchResult } from 'minisearch';
import { helpPath, type ShopHelp } from './help-api';

/** One thing the search can find: a question, a section of the policy, a table of the size guide. */
export type HelpDoc = {
  id: string;
  kind: 'Question' | 'Policy' | 'Size guide';
  title: string;
  topic: string;
  text: string;
  href: string;
};

/** What a result shows: the document, and the words of the query it matched. */
export type HelpHit = HelpDoc & { terms: string[] };

// Words too common to tell two answers apart.
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i if in is it its me my of on or our so the this to we what when where which will with you your'.split(
    ' ',
  ),
);

function documents(shopId: string, help: ShopHelp): HelpDoc[] {
  const docs: HelpDoc[] = help.faq.map((e) => ({
    id: `faq:${e.id}`,
    kind: 'Question',
    title: e.question,
    topic: e.topic,
    text: e.answer.join('\n'),
    href: helpPath(shopId, `faq/${e.id}`),
  }));
  for (const section of help.policy.sections) {
    const text = section.items.flatMap((i) => [...i.quotes, ...i.lines.map((l) => l.text)]).join('\n');
    docs.push({
      id: `policy:${section.id}`,
      kind: 'Policy',
      title: section.heading,
      topic: 'Policy',
      text,
      href: `${helpPath(shopId, 'policy')}#${section.id}`,
    });
  }
  const guide = help.sizeGuide;
  if (guide) {
    const table = (id: string, title: string, t: { quote: string[]; note: string | null } | null, rows: string[]) => {
      if (!t) return;
      const text = [...guide.quote, ...t.quote, t.note ?? '', ...rows].join('\n');
      docs.push({
        id: `size:${id}`,
        kind: 'Size guide',
        title,
        topic: 'Size guide',
        text,
        href: `${helpPath(shopId, 'size-guide')}#${id}`,
      });
    };
    table('rings', 'Ring sizes', guide.rings, guide.rings?.rows.map((r) => `US ${r.us} UK ${r.uk} EU ${r.eu}`) ?? []);
    table(
      'necklaces',
      'Necklace lengths and chokers',
      guide.necklaces,
      guide.necklaces?.rows.map((r) => `${r.inches} inches ${r.name} ${r.sits}${r.choker ? ' choker' : ''}`) ?? [],
    );
    table(
      'earrings',
      'Earring sizes in millimetres',
      guide.earrings,
      guide.earrings?.rows.map((r) => `${r.mm} mm ${r.kind}`) ?? [],
    );
  }
  return docs;
}

/** A full-text index of the shop's help: questions and answers, policy sections, size guide. */
export function buildHelpIndex(shopId: string, help: ShopHelp): MiniSearch<HelpDoc> {
  const index = new MiniSearch<HelpDoc>({
    fields: ['title', 'topic', 'text'],
    storeFields: ['kind', 'title', 'topic', 'text', 'href'],
    processTerm: (term) => {
      const word = term.toLowerCase();
      return STOP_WORDS.has(word) ? null : word;
    },
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2 },
  });
  index.addAll(documents(shopId, help));
  return index;
}

/** The best matches of a query, at most `limit`. */
export function searchHelp(index: MiniSearch<HelpDoc>, query: string, limit = 12): HelpHit[] {
  return index
    .search(query)
    .slice(0, limit)
    .map((r: SearchResult) => ({
      id: String(r.id),
      kind: r.kind as HelpDoc['kind'],
      title: r.title as string,
      topic: r.topic as string,
      text: r.text as string,
      href: r.href as string,
      terms: r.terms,
    }));
}

/** The part of a text around the first word the query matched, at most about `size` characters. */
export function snippet(text: string, terms: string[], size = 220): string {
  const flat = text.replaceAll(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  if (flat.length <= size) return flat;
  const found = terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0);
  const at = found.length > 0 ? Math.min(...found) : 0;
  const start = Math.max(0, Math.min(at - size / 3, flat.length - size));
  const cut = flat.slice(start, start + size);
  return `${start > 0 ? '…' : ''}${cut}${start + size < flat.length ? '…' : ''}`;
}
