import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret token (256 random bits, base64url): a session's cookie or a sign-in link's. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret token: its SHA-256, so a copy of the table signs no one in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The session's CSRF token, derived from its secret (HMAC-SHA256), so it is
 * neither stored nor guessable from anything a page on another site can read.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('loupe-csrf').digest('base64url');
}

/** Whether `given` is the session's CSRF token, compared in constant time. */
export function isCsrfTokenOf(sessionToken: string, given: string): boolean {
  const expected = Buffer.from(csrfTokenOf(sessionToken));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
