import { mailCareMessage } from '../services/mail/mail-care-message.ts';
import { issueRefund } from '../services/money/issue-refund.ts';
import { moneyCase } from '../services/money/test-fixtures.ts';
import type { ServiceContext } from '../services/service-context.ts';
import { transaction } from '../storage/database.ts';

/** A case of a shop of its own with eight mails due: the refund's, then seven messages from the care team. */
export async function eightDueMails(ctx: ServiceContext) {
  const c = await moneyCase(ctx.db, { resolutions: ['refund'] });
  await issueRefund(ctx, c.staff, { caseId: c.caseId, amountCents: 100 });
  for (let i = 0; i < 7; i++) {
    await transaction(ctx.db, (tx) =>
      mailCareMessage(tx, ctx, { caseId: c.caseId, id: `note-${i}`, body: `Note ${i}`, attachments: [] }),
    );
  }
  return c;
}
