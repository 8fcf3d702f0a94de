import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast-ratio.ts';
import { checkQuotes } from './lint/check-quotes.ts';
import { policyWith } from './lint/lint-fixtures.ts';
import { PolicySchema } from './policy.schema.ts';

const PAGE =
  'WHAT IS YOUR SHIPPING PROCESS? Your order is packed and shipped within 1-3 days of your purchase. Rings - Standard US sizing.';
const entry = {
  id: 'shipping-process',
  topic: 'Shipping',
  question: 'What is your shipping process?',
  questionQuoted: true,
  answer: 'Your order is packed and shipped within 1-3 days of your purchase.',
  aboutOrder: 'delivery',
};
const parse = (extra: object) => PolicySchema.safeParse({ ...policyWith(), ...extra });

describe('the help center and brand sections of a policy', () => {
  it('computes WCAG contrast: 21 for black on white, 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#7a5a12', '#7a5a12')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('refuses a brand colour white text cannot be read on, naming the ratio', () => {
    const result = parse({ brand: { color: '#d4af37', inkColor: '#ffffff' } });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(['brand', 'color']);
    expect(issue?.message).toBe('white text on #d4af37 has contrast 2.10:1; it needs 4.5:1');
    expect(parse({ brand: { color: '#7a5a12', inkColor: '#fffaf0' } }).success).toBe(true);
    expect(parse({ brand: { color: '#7a5a12', inkColor: '#7a6a22' } }).error?.issues[0]?.path).toEqual([
      'brand',
      'inkColor',
    ]);
  });

  it('refuses two questions with one id, and an order question that is not one', () => {
    const twice = parse({ help: { faq: [entry, entry] } });
    expect(twice.error?.issues[0]?.message).toBe('"shipping-process" is already a question\'s id');
    expect(parse({ help: { faq: [{ ...entry, aboutOrder: 'anything' }] } }).success).toBe(false);
  });

  it('lint reports an answer or a sizing sentence the shop never wrote, with its path, not Loupe’s own questions', () => {
    const ring = { us: '7', uk: 'N½', eu: '54', diameterMm: 17.3, circumferenceMm: 54.4 };
    const policy = PolicySchema.parse({
      ...policyWith(),
      help: {
        faq: [
          entry,
          { ...entry, id: 'ours', questionQuoted: false, question: 'When will it arrive?' },
          { ...entry, id: 'made-up', answer: ['Your order is packed and shipped', 'We ship the same day.'] },
        ],
        sizeGuide: {
          rings: { quote: 'Rings - Standard European sizing.', note: 'a standard table', rows: [ring] },
        },
      },
    });
    const page = `${PAGE} ${policy.clauses.flatMap((c) => c.quote).join(' ')} ${policy.fallback.quote}`;
    const findings = checkQuotes(policy, page);
    expect(findings.map((f) => [f.clause, f.path])).toEqual([
      ['made-up', ['help', 'faq', 2, 'answer', 1]],
      [undefined, ['help', 'sizeGuide', 'rings', 'quote']],
    ]);
  });
});
