import { DomainError } from '../domain/errors.ts';

/**
 * Where mail comes from and goes to, besides the shops' policies:
 *
 * - `defaultFrom` (`LOUPE_MAIL_FROM`, default `loupe@localhost`): the sender of a
 *   shop whose policy has no `profile.contact.email` (Aoures, Atelier); a shop
 *   with one (`help@aulso.com`) sends from it, as its page tells customers to
 *   write to it.
 * - `replyDomain` (`LOUPE_MAIL_REPLY_DOMAIN`, default the domain of
 *   `defaultFrom`): replies go to `reply+<token>@<replyDomain>`, which must
 *   reach the inbound listener (`SMTP_INBOUND_PORT`).
 * - `inbound` (`LOUPE_MAIL_INBOUND`, `address=shop` pairs separated by commas):
 *   addresses the listener takes new mail for, besides each shop's contact
 *   email, so a shop without one (or with a second mailbox) can forward its mail.
 */
export type MailConfig = {
  defaultFrom: string;
  replyDomain: string;
  inbound: ReadonlyMap<string, string>;
};

const ADDRESS = /^[^\s@<>",]+@[^\s@<>",]+$/;

const invalid = (name: string, message: string) =>
  new DomainError('INVALID_INPUT', `${name}: ${message}`, [{ code: 'invalid_input', path: [name], message }]);

/** The mail settings from the environment; INVALID_INPUT naming the variable when one cannot be read. */
export function readMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const defaultFrom = (env.LOUPE_MAIL_FROM || 'loupe@localhost').trim();
  if (!ADDRESS.test(defaultFrom)) throw invalid('LOUPE_MAIL_FROM', `"${defaultFrom}" is not an email address`);
  const replyDomain = (env.LOUPE_MAIL_REPLY_DOMAIN || defaultFrom.split('@')[1] || 'localhost').trim().toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(replyDomain)) throw invalid('LOUPE_MAIL_REPLY_DOMAIN', `"${replyDomain}" is not a domain`);
  const inbound = new Map<string, string>();
  for (const pair of (env.LOUPE_MAIL_INBOUND ?? '').split(',')) {
    if (!pair.trim()) continue;
    const [address, shop] = pair.split('=').map((s) => s.trim());
    if (!address || !shop || !ADDRESS.test(address)) {
      throw invalid('LOUPE_MAIL_INBOUND', `"${pair.trim()}" is not address=shop, e.g. care@aoures.com=aoures`);
    }
    inbound.set(address.toLowerCase(), shop);
  }
  return { defaultFrom, replyDomain, inbound };
}
