import { DomainError } from '../domain/errors.ts';
import { listOverdueReturns } from '../storage/repositories/cases.ts';
import { LOUPE, type ServiceContext } from './service-context.ts';
import { takeCaseAction } from './take-case-action.ts';

/**
 * Expires every authorized return not sent back by its ship-by date, as
 * Loupe's own `expire` move, one case per transaction. A case someone moved
 * in the meantime (the parcel's tracking arrived) is left as it is. Answers
 * the ids of the cases it expired.
 */
export async function expireOverdueReturns(ctx: ServiceContext): Promise<string[]> {
  const due = await listOverdueReturns(ctx.db, ctx.now());
  const expired: string[] = [];
  for (const c of due) {
    try {
      await takeCaseAction(ctx, LOUPE, { caseId: c.id, action: 'expire', revision: c.revision, input: {} });
      expired.push(c.id);
    } catch (error) {
      const movedOn =
        error instanceof DomainError && (error.code === 'CONFLICT' || error.code === 'ILLEGAL_TRANSITION');
      if (!movedOn) throw error;
    }
  }
  return expired;
}
