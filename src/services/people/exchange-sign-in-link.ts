import { DomainError } from '../../domain/errors.ts';
import { useSignInLink } from '../../storage/repositories/sign-in-links.ts';
import type { ServiceContext } from '../service-context.ts';
import { hashToken } from './session-token.ts';
import { type StartedSession, startSession } from './start-session.ts';

/**
 * A customer session covering every order of the link's email in its shop,
 * for a sign-in link's token; the link is used up in the same statement that
 * checks it. Unknown, used or expired: UNAUTHORIZED, not saying which.
 */
export async function exchangeSignInLink(
  ctx: ServiceContext,
  token: string,
): Promise<StartedSession & { shopId: string; email: string }> {
  const link = await useSignInLink(ctx.db, hashToken(token), ctx.now());
  if (!link) {
    const message = 'the sign-in link is unknown, used or expired: ask for a new one';
    throw new DomainError('UNAUTHORIZED', message, [{ code: 'unauthorized', path: ['token'], message }]);
  }
  const started = await startSession(ctx, { kind: 'customer', shopId: link.shopId, email: link.email, orderId: null });
  return { ...started, shopId: link.shopId, email: link.email };
}
