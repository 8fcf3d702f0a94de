import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header EasyPost signs its webhook requests in. */
export const EASYPOST_SIGNATURE_HEADER = 'x-hmac-signature';

/** Whether a request is EasyPost's: yes, or why not. */
export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'mismatch' };

/**
 * The value EasyPost sends in `X-Hmac-Signature` for a body:
 * `hmac-sha256-hex=` and the hex HMAC-SHA256 of the raw body, keyed with the
 * webhook secret normalised to Unicode NFKD and encoded as UTF-8 (as
 * EasyPost's client libraries compute it in `validateWebhook`).
 */
export function easyPostSignature(rawBody: Uint8Array, secret: string): string {
  const key = Buffer.from(secret.normalize('NFKD'), 'utf8');
  return `hmac-sha256-hex=${createHmac('sha256', key).update(rawBody).digest('hex')}`;
}

/**
 * Checks the signature of a webhook request against the raw bytes received,
 * in constant time. The bytes must be the ones on the wire: a body parsed and
 * serialised again differs (EasyPost's `"weight": 136.0` comes back as `136`).
 */
export function verifyEasyPostSignature(
  rawBody: Uint8Array,
  header: string | string[] | undefined,
  secret: string,
): SignatureCheck {
  if (typeof header !== 'string' || header.length === 0) return { ok: false, reason: 'missing' };
  const expected = Buffer.from(easyPostSignature(rawBody, secret), 'utf8');
  const given = Buffer.from(header.trim(), 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
