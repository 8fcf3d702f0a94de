import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FaqEntry, ShopHelp } from './help-api';
import { buildHelpIndex, searchHelp, snippet } from './help-search';

type Quote = string | string[] | undefined;
type FileTable = { quote?: Quote; note?: string; rows: never[] };
type FileHelp = {
  faq: (Omit<FaqEntry, 'answer' | 'aboutOrder' | 'questionQuoted'> & { answer: Quote })[];
  sizeGuide: { quote?: Quote; rings?: FileTable; necklaces?: FileTable; earrings?: FileTable };
};

const list = (q: Quote) => (q === undefined ? [] : typeof q === 'string' ? [q] : q);
const table = (t: FileTable | undefined) => (t ? { rows: t.rows, quote: list(t.quote), note: t.note ?? null } : null);

/** The questions and size guide of a bundled policy file, shaped as the API answers them (no policy sections). */
function helpOf(shop: string): ShopHelp {
  const policy = parse(readFileSync(new URL(`../../../policies/${shop}.yaml`, import.meta.url), 'utf8'));
  const { faq, sizeGuide } = policy.help as FileHelp;
  return {
    shop: { id: shop, name: policy.name },
    version: policy.version,
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    faq: faq.map((e) => ({ ...e, questionQuoted: false, answer: list(e.answer), aboutOrder: null })),
    sizeGuide: {
      quote: list(sizeGuide.quote),
      rings: table(sizeGuide.rings),
      necklaces: table(sizeGuide.necklaces),
      earrings: table(sizeGuide.earrings),
    },
    policy: { title: '', intro: [], sections: [], footer: '' },
    contact: { email: null, phone: null, address: null, url: null },
  };
}

describe('searching a shop’s help center', () => {
  it('finds The Or’s transit sentence among its questions, with the answer’s address', () => {
    const index = buildHelpIndex('theor', helpOf('theor'));
    const hits = searchHelp(index, 'not responsible for transit loss');
    const question = hits.find((h) => h.kind === 'Question' && h.id === 'faq:lost-or-damaged');
    expect(question?.href).toBe('/shop/theor/help/faq/lost-or-damaged');
    expect(hits.indexOf(question as never)).toBeLessThan(3);
  });

  it('finds Amijose’s 60-day returns first, and its size guide by “choker”', () => {
    const index = buildHelpIndex('amijose', helpOf('amijose'));
    expect(searchHelp(index, '60 days return')[0]?.title).toBe('Can I return this?');
    const choker = searchHelp(index, 'choker');
    expect(choker.map((h) => h.href)).toContain('/shop/amijose/help/size-guide#necklaces');
  });

  it('ignores words too common to tell answers apart', () => {
    const index = buildHelpIndex('aulso', helpOf('aulso'));
    expect(searchHelp(index, 'the of my')).toEqual([]);
  });

  it('cuts a long text around the first word found', () => {
    const text = `${'a '.repeat(200)}transit ${'b '.repeat(200)}`;
    const cut = snippet(text, ['transit'], 60);
    expect(cut).toContain('transit');
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(snippet('short text', ['none'])).toBe('short text');
  });
});
