import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenOf } from '../services/people/session-token.ts';

/** The HttpOnly cookie holding a session's secret token. */
export const SESSION_COOKIE = 'loupe_session';
/** The cookie scripts of Loupe's own pages read, to echo in `X-CSRF-Token` (double submit). */
export const CSRF_COOKIE = 'loupe_csrf';
/** The header a cookie-authenticated write must carry. */
export const CSRF_HEADER = 'x-csrf-token';

/** The cookies of a request, by name (the first of a name wins); values are URL-decoded when they can be. */
export function readCookies(request: FastifyRequest): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    const raw = part
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}

/** Whether the browser reached us over HTTPS (directly, or through a proxy saying so): then cookies are Secure. */
function overHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
}

function cookie(request: FastifyRequest, name: string, value: string, maxAgeSeconds: number, httpOnly: boolean) {
  return [
    `${name}=${value}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'SameSite=Lax',
    ...(httpOnly ? ['HttpOnly'] : []),
    ...(overHttps(request) ? ['Secure'] : []),
  ].join('; ');
}

/** Sets the session cookie (HttpOnly) and its CSRF cookie (readable by the page), both until the session ends. */
export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
  now: Date,
) {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  reply.header('set-cookie', [
    cookie(request, SESSION_COOKIE, token, maxAge, true),
    cookie(request, CSRF_COOKIE, csrfTokenOf(token), maxAge, false),
  ]);
}

/** Tells the browser to forget both cookies. */
export function clearSessionCookies(request: FastifyRequest, reply: FastifyReply) {
  reply.header('set-cookie', [
    cookie(request, SESSION_COOKIE, '', 0, true),
    cookie(request, CSRF_COOKIE, '', 0, false),
  ]);
}
