import type { MailConfig } from '../../mail/mail-config.ts';
import { readReplyToken } from '../../mail/reply-address.ts';
import type { LoupeDatabase } from '../../storage/database.ts';
import { findMailThreadByToken, type MailThread } from '../../storage/repositories/mail-threads.ts';
import { policyVersionInForce } from '../../storage/repositories/policy-versions.ts';
import { listShops } from '../../storage/repositories/shops.ts';

/** What a recipient address reaches: a case's thread (a reply), or a shop (a new message). */
export type InboundTarget = { kind: 'thread'; thread: MailThread } | { kind: 'shop'; shopId: string };

/**
 * Where mail to `address` goes: the case whose reply token it carries
 * (`reply+<token>@…`, whatever the domain), else the shop it belongs to —
 * from LOUPE_MAIL_INBOUND first, then the contact email in each shop's policy
 * in force (`help@aulso.com` is Aulso's: its page says "Email us at
 * help@aulso.com"). Undefined for any other address, or an unknown token.
 */
export async function findInboundTarget(
  db: LoupeDatabase,
  address: string,
  config: MailConfig,
  now: Date,
): Promise<InboundTarget | undefined> {
  const token = readReplyToken(address);
  if (token) {
    const thread = await findMailThreadByToken(db, token);
    return thread && { kind: 'thread', thread };
  }
  const wanted = address.trim().toLowerCase();
  const configured = config.inbound.get(wanted);
  if (configured) return { kind: 'shop', shopId: configured };
  for (const shop of await listShops(db)) {
    const version = await policyVersionInForce(db, shop.id, now);
    // A stored policy is read as written; one without a profile (a test shop's) has no address.
    if (version?.policy.profile?.contact?.email?.toLowerCase() === wanted) return { kind: 'shop', shopId: shop.id };
  }
  return undefined;
}
