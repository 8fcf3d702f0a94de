import { readMailConfig } from '../../mail/mail-config.ts';
import { signInLinkMail } from '../../mail/templates/sign-in-link.ts';
import { transaction } from '../../storage/database.ts';
import { enqueueMail } from '../../storage/repositories/mail-outbox.ts';
import { policyVersionInForce } from '../../storage/repositories/policy-versions.ts';
import { insertSignInLink, shopHasOrdersFor } from '../../storage/repositories/sign-in-links.ts';
import { findShopOrThrow } from '../find-shop-or-throw.ts';
import type { ServiceContext } from '../service-context.ts';
import { hashToken, newSecretToken } from './session-token.ts';

/** How long a sign-in link works. */
export const SIGN_IN_LINK_MINUTES = 15;

/**
 * Mails a one-time sign-in link to the email when the shop has orders placed
 * with it; otherwise does nothing, and the caller answers the same either way
 * (no one learns which emails are customers). The link's token is stored
 * hashed, with the mail in one transaction. `baseUrl` is where the portal's
 * sign-in page is (`<baseUrl>/sign-in#token=…`; the fragment stays out of
 * servers' logs). Answers whether a link was sent, for tests and logs only.
 */
export async function sendSignInLink(
  ctx: ServiceContext,
  shopId: string,
  email: string,
  baseUrl: string,
): Promise<boolean> {
  const address = email.trim().toLowerCase();
  const shop = await findShopOrThrow(ctx.db, shopId);
  if (!(await shopHasOrdersFor(ctx.db, shopId, address))) return false;
  const now = ctx.now();
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  const policy = (await policyVersionInForce(ctx.db, shopId, now))?.policy;
  const config = readMailConfig();
  const from = policy?.profile.contact?.email ?? config.defaultFrom;
  const name = policy?.name ?? shop.name;
  const mail = signInLinkMail(
    {
      shop: {
        name,
        timeZone: policy?.profile.timeZone ?? 'UTC',
        locale: policy ? `en-${policy.profile.country}` : 'en',
      },
      reference: '',
      replyTo: from,
      customerName: null,
    },
    { url: `${baseUrl.replace(/\/+$/, '')}/sign-in#token=${token}`, expiresAt },
  );
  const tokenHash = hashToken(token);
  await transaction(ctx.db, async (tx) => {
    await insertSignInLink(tx, { tokenHash, shopId, email: address, createdAt: now, expiresAt, usedAt: null });
    await enqueueMail(tx, {
      id: ctx.newId(),
      shopId,
      caseId: null,
      event: 'sign_in_link',
      fromName: name,
      fromAddress: from,
      to: address,
      replyTo: from,
      ...mail,
      dedupeKey: `sign-in:${tokenHash}`,
      createdAt: now,
    });
  });
  return true;
}
