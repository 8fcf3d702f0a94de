import { describe, expect, it } from 'vitest';
import { maskGiftCardCode, newGiftCardCode, readGiftCardCode } from './gift-card-code.ts';

const FORMAT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe('gift-card codes', () => {
  it('are 16 Crockford base32 characters in four groups, without I, L, O or U', () => {
    for (let i = 0; i < 200; i++) expect(newGiftCardCode()).toMatch(FORMAT);
  });

  it('spell all 80 random bits: all zeros and all ones give the first and last letters', () => {
    expect(newGiftCardCode((n) => new Uint8Array(n))).toBe('0000-0000-0000-0000');
    expect(newGiftCardCode((n) => new Uint8Array(n).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(newGiftCardCode((n) => Uint8Array.from({ length: n }, (_, i) => (i === n - 1 ? 1 : 0)))).toBe(
      '0000-0000-0000-0001',
    );
  });

  it('do not repeat over 10 000 draws', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => newGiftCardCode()));
    expect(codes.size).toBe(10_000);
  });

  it('are read back from what a person types: any case, spaces or no hyphens, O as 0 and I or L as 1', () => {
    expect(readGiftCardCode('7k2q 9m4t-ab12 cd34')).toBe('7K2Q-9M4T-AB12-CD34');
    expect(readGiftCardCode('OOOOIIIILLLL0000')).toBe('0000-1111-1111-0000');
    expect(readGiftCardCode('7K2Q-9M4T-AB12')).toBeUndefined();
    expect(readGiftCardCode('7K2Q-9M4T-AB12-CD3U')).toBeUndefined();
    expect(readGiftCardCode('')).toBeUndefined();
  });

  it('are masked for the audit log but for the last group', () => {
    expect(maskGiftCardCode('7K2Q-9M4T-AB12-CD34')).toBe('****-****-****-CD34');
  });
});
