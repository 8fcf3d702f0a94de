import { describe, expect, it } from 'vitest';
import { centsToInput, endOfLocalDay, inputToCents, localDateOf } from './money-input';

describe('amounts and dates as staff type them', () => {
  it('reads an amount in the currency’s minor units', () => {
    expect(inputToCents('129', 'USD')).toBe(12900);
    expect(inputToCents('129.5', 'USD')).toBe(12950);
    expect(inputToCents('45,05', 'GBP')).toBe(4505);
    expect(inputToCents('1500', 'JPY')).toBe(1500);
    expect(inputToCents('1.234', 'USD')).toBeUndefined();
    expect(inputToCents('0', 'USD')).toBeUndefined();
    expect(inputToCents('ten', 'USD')).toBeUndefined();
    expect(centsToInput(12950, 'USD')).toBe('129.50');
  });

  it('ends a ship-by day at midnight on the shop’s clock', () => {
    expect(endOfLocalDay('2026-06-30', 'Asia/Hong_Kong')).toBe('2026-06-30T23:59:59+08:00');
    expect(endOfLocalDay('2026-01-10', 'Europe/London')).toBe('2026-01-10T23:59:59+00:00');
    expect(endOfLocalDay('2026-07-10', 'America/Los_Angeles')).toBe('2026-07-10T23:59:59-07:00');
    expect(localDateOf('2026-06-30T20:00:00Z', 'Asia/Hong_Kong')).toBe('2026-07-01');
  });
});
