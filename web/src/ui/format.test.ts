import { describe, expect, it } from 'vitest';
import { formatDateRange, formatInstant, formatLocalDate, formatMoney, words } from './format';

describe('money and dates through Intl', () => {
  it('shows cents in the shop’s currency for the reader’s locale', () => {
    expect(formatMoney(12900, 'USD', 'en-US')).toBe('$129.00');
    expect(formatMoney(4550, 'GBP', 'en-GB')).toBe('£45.50');
    expect(formatMoney(4550, 'GBP', 'de-DE')).toMatch(/^45,50\s£$/);
  });

  it('keeps a local date on its day whatever the reader’s zone', () => {
    expect(formatLocalDate('2026-03-31', 'en-GB')).toBe('31 March 2026');
    expect(formatDateRange({ from: '2026-04-03', to: '2026-04-07' }, 'en-GB')).toMatch(/^3\s?–\s?7 April 2026$/);
    expect(formatDateRange({ from: '2026-04-03', to: '2026-04-03' }, 'en-US')).toBe('April 3, 2026');
  });

  it('shows an instant on the shop’s wall clock', () => {
    // 09:00 UTC is 17:00 in Hong Kong.
    expect(formatInstant('2026-03-31T09:00:00Z', 'Asia/Hong_Kong', 'en-GB')).toBe('31 March 2026 at 17:00');
  });

  it('reads codes as words', () => expect(words('awaiting_return')).toBe('awaiting return'));
});
