import { transaction } from '../../storage/database.ts';
import { listReturnsToRemind } from '../../storage/repositories/mail-reminders.ts';
import type { ServiceContext } from '../service-context.ts';
import { enqueueCaseMails, loadMailCase } from './enqueue-case-mail.ts';

/** How long before the ship-by date a customer is reminded. */
export const SHIP_BACK_REMINDER_LEAD_MS = 48 * 3_600_000;

/**
 * Reminds the customers of authorized returns that are due within two days
 * and not yet on their way. Keyed by the ship-by date, so a sweep that runs
 * again (or on two servers) reminds once per deadline; a new deadline gets a
 * reminder of its own. Answers how many reminders were written.
 */
export async function remindShipBack(ctx: ServiceContext, leadMs = SHIP_BACK_REMINDER_LEAD_MS): Promise<number> {
  const due = await listReturnsToRemind(ctx.db, ctx.now(), leadMs);
  let written = 0;
  for (const { id } of due) {
    written += await transaction(ctx.db, async (tx) => {
      const c = await loadMailCase(tx, id);
      const shipBy = c?.row.shipBy;
      if (!c || !shipBy || c.row.state !== 'awaiting_return') return 0;
      const reminder = {
        shipBy,
        authorizationNumber: c.row.authorizationNumber,
        returnAddress: c.row.returnAddress,
      };
      return enqueueCaseMails(tx, ctx, c, [{ event: 'ship_back_reminder', n: shipBy.getTime(), facts: reminder }]);
    });
  }
  return written;
}
