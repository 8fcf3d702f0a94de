import { describe, expect, it } from 'vitest';
import { hashRequest } from './hash-request.ts';

describe('hashRequest', () => {
  it('is the same for the same request written with keys in another order', () => {
    expect(hashRequest({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(hashRequest({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  });

  it('differs when a value, an array order or a key differs', () => {
    const base = hashRequest({ caseId: 'c1', amountCents: 100 });
    expect(hashRequest({ caseId: 'c1', amountCents: 101 })).not.toBe(base);
    expect(hashRequest({ caseId: 'c2', amountCents: 100 })).not.toBe(base);
    expect(hashRequest([1, 2])).not.toBe(hashRequest([2, 1]));
    expect(hashRequest({ a: '1' })).not.toBe(hashRequest({ a: 1 }));
  });

  it('ignores undefined fields, as JSON does', () => {
    expect(hashRequest({ a: 1, b: undefined })).toBe(hashRequest({ a: 1 }));
  });
});
