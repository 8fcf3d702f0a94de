import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/database.ts';
import { smtpReceiver } from '../../test/smtp-receiver.ts';
import { messageIdOf } from '../mail/mail-transport.ts';
import { smtpTransport } from '../mail/smtp-transport.ts';
import { mailCareMessage } from '../services/mail/mail-care-message.ts';
import { renderOutboxMail, renderOutboxMails } from '../services/mail/render-outbox-mails.ts';
import { issueRefund } from '../services/money/issue-refund.ts';
import { moneyCase } from '../services/money/test-fixtures.ts';
import type { ServiceContext } from '../services/service-context.ts';
import { transaction } from '../storage/database.ts';
import { claimDueMail } from '../storage/repositories/mail-outbox.ts';
import { mailOutbox } from '../storage/schema/index.ts';
import { type DeliveryOptions, deliverDueMail } from './deliver-due-mail.ts';
import { eightDueMails } from './test-fixtures.ts';

const { db, kind } = await testDatabase();
const receiver = await smtpReceiver();
const transport = smtpTransport(receiver.url);
let clock = new Date('2026-05-04T08:00:00Z');
const ctx: ServiceContext = { db, now: () => clock, newId: () => crypto.randomUUID() };
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const options: DeliveryOptions = { now: () => clock, messageIdDomain: 'mail.loupe.test' };

/** A case of a shop of its own with one refund booked: one mail in the outbox. */
async function refundedCase(amountCents = 2500) {
  const c = await moneyCase(db, { resolutions: ['refund'], refundableCents: 200_000 });
  await issueRefund(ctx, c.staff, { caseId: c.caseId, amountCents });
  const [mail] = await renderOutboxMails(db, await db.select().from(mailOutbox).where(eq(mailOutbox.caseId, c.caseId)));
  if (!mail) throw new Error('the refund wrote no mail');
  return { ...c, mail };
}

const outboxRow = async (id: string) => (await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0];

describe(`the outbox worker over real SMTP, on ${kind}`, () => {
  it('sends a refund mail in the case’s currency, from LOUPE_MAIL_FROM when the policy has no address', async () => {
    const { mail } = await refundedCase(123_456);
    expect(await deliverDueMail(db, transport, options)).toEqual({ sent: [mail.id], retrying: [], failed: [] });
    const received = receiver.accepted.at(-1);
    expect(received?.subject).toBe(`Money test shop: we refunded $1,234.56 (${mail.subject.match(/\((.+)\)$/)?.[1]})`);
    expect(received?.from?.value).toEqual([{ name: 'Money test shop', address: 'loupe@localhost' }]);
    expect(received?.messageId).toBe(`<${mail.id}@mail.loupe.test>`);
    expect(received?.headers.get('auto-submitted')).toBe('auto-generated');
    expect(await outboxRow(mail.id)).toMatchObject({
      status: 'sent',
      attempts: 1,
      messageId: `<${mail.id}@mail.loupe.test>`,
      deliveredVia: 'smtp',
      sentAt: clock,
    });
  });

  it('tries again after the server answers 451, with a growing wait, and the customer gets it once', async () => {
    const { mail } = await refundedCase();
    const accepted = receiver.accepted.length;
    const attempts = receiver.attempts();
    receiver.answerNext(451);
    expect(await deliverDueMail(db, transport, options)).toMatchObject({ sent: [], retrying: [mail.id] });
    expect(await outboxRow(mail.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await outboxRow(mail.id))?.lastError).toMatch(/451/);
    expect((await outboxRow(mail.id))?.nextAttemptAt).toEqual(new Date(clock.getTime() + 30_000));

    later(29_000);
    expect(await deliverDueMail(db, transport, options)).toEqual({ sent: [], retrying: [], failed: [] });
    later(1_000);
    expect(await deliverDueMail(db, transport, options)).toMatchObject({ sent: [mail.id] });
    expect(receiver.attempts() - attempts).toBe(2);
    expect(receiver.accepted.slice(accepted).map((m) => m.messageId)).toEqual([`<${mail.id}@mail.loupe.test>`]);
    expect(await outboxRow(mail.id)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('gives up after the last attempt and keeps the error; a 550 fails at once', async () => {
    const { mail } = await refundedCase();
    receiver.answerNext(451, 451, 451);
    const limited = { ...options, maxAttempts: 3 };
    for (const wait of [0, 30_000, 60_000]) {
      later(wait);
      await deliverDueMail(db, transport, limited);
    }
    const failed = await outboxRow(mail.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    expect(failed?.lastError).toMatch(/451/);
    later(24 * 3_600_000);
    expect(await deliverDueMail(db, transport, limited)).toEqual({ sent: [], retrying: [], failed: [] });

    const refused = (await refundedCase()).mail;
    receiver.answerNext(550);
    expect(await deliverDueMail(db, transport, options)).toMatchObject({ failed: [refused.id] });
    expect(await outboxRow(refused.id)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('sends again with the same Message-ID when the worker stopped between the server’s 250 and marking it sent', async () => {
    const { mail } = await refundedCase();
    const accepted = receiver.accepted.length;
    // A worker claims and sends, then dies before it can mark the mail sent.
    const [claimed] = await transaction(db, (tx) =>
      claimDueMail(tx, { now: clock, limit: 20, leaseMs: 5 * 60_000, maxAttempts: 8 }),
    );
    expect(claimed?.id).toBe(mail.id);
    if (!claimed) return;
    await transport.send(await renderOutboxMail(db, claimed), messageIdOf(claimed, 'mail.loupe.test'));
    expect(await deliverDueMail(db, transport, options)).toEqual({ sent: [], retrying: [], failed: [] });

    later(5 * 60_000);
    expect(await deliverDueMail(db, transport, options)).toMatchObject({ sent: [mail.id] });
    const copies = receiver.accepted.slice(accepted);
    expect(copies.map((m) => m.messageId)).toEqual([`<${mail.id}@mail.loupe.test>`, `<${mail.id}@mail.loupe.test>`]);
    expect(await outboxRow(mail.id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('lets several workers run at once without sending a mail twice', async () => {
    await eightDueMails(ctx);
    const accepted = receiver.accepted.length;
    const worker = async () => {
      const sent: string[] = [];
      for (;;) {
        const report = await deliverDueMail(db, transport, { ...options, batchSize: 2 });
        if (report.sent.length === 0) return sent;
        sent.push(...report.sent);
      }
    };
    const reports = await Promise.all([worker(), worker(), worker()]);
    const ids = reports.flat();
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
    const messageIds = receiver.accepted.slice(accepted).map((m) => m.messageId);
    expect(messageIds.sort()).toEqual(ids.map((id) => `<${id}@mail.loupe.test>`).sort());
  });

  it('keeps a mail the transaction commits and drops one it rolls back; the same dedupe key writes once', async () => {
    const c = await moneyCase(db, { resolutions: ['refund'] });
    const note = (id: string) => ({ caseId: c.caseId, id, body: 'Hello', attachments: [] });
    await expect(
      transaction(db, async (tx) => {
        await mailCareMessage(tx, ctx, note('rolled-back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await transaction(db, (tx) => mailCareMessage(tx, ctx, note('kept')))).toBe(1);
    expect(await transaction(db, (tx) => mailCareMessage(tx, ctx, note('kept')))).toBe(0);
    const keys = (await db.select().from(mailOutbox).where(eq(mailOutbox.caseId, c.caseId))).map((m) => m.dedupeKey);
    expect(keys).toEqual([`case:${c.caseId}:care_message:kept`]);
  });
});
