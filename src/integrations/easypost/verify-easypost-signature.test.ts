import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { easyPostSignature, verifyEasyPostSignature } from './verify-easypost-signature.ts';

// EasyPost's own shape of body: its float weight must be signed as sent ("136.0"), never re-serialised.
const body = Buffer.from(
  '{"description":"tracker.updated","object":"Event","id":"evt_1","result":{"object":"Tracker","weight":136.0}}',
);
const composed = 's\u00e9cret';
const decomposed = 'se\u0301cret';

/** The signature as EasyPost's client libraries compute it, written out independently. */
const signedByEasyPost = (bytes: Buffer, secret: string) =>
  `hmac-sha256-hex=${createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8'))
    .update(bytes)
    .digest('hex')}`;

describe('EasyPost webhook signatures', () => {
  it('signs the raw bytes with the secret normalised to NFKD, however the secret was typed', () => {
    expect(easyPostSignature(body, composed)).toBe(signedByEasyPost(body, composed));
    expect(easyPostSignature(body, composed)).toBe(easyPostSignature(body, decomposed));
    expect(easyPostSignature(body, composed)).toMatch(/^hmac-sha256-hex=[0-9a-f]{64}$/);
  });

  it('accepts the signature EasyPost sends for the body', () => {
    expect(verifyEasyPostSignature(body, signedByEasyPost(body, decomposed), composed)).toEqual({ ok: true });
  });

  it.each([
    ['missing', undefined, 'missing'],
    ['empty', '', 'missing'],
    ['repeated', [signedByEasyPost(body, composed), 'x'], 'missing'],
    ['signed with another secret', signedByEasyPost(body, 'another secret'), 'mismatch'],
    [
      'signed for another body',
      signedByEasyPost(Buffer.from(body.toString().replace('136.0', '136')), composed),
      'mismatch',
    ],
    ['the bare hex, without its prefix', signedByEasyPost(body, composed).slice('hmac-sha256-hex='.length), 'mismatch'],
  ] as const)('refuses a signature that is %s', (_what, header, reason) => {
    expect(verifyEasyPostSignature(body, header as string | string[] | undefined, composed)).toEqual({
      ok: false,
      reason,
    });
  });
});
