import { and, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { deskApp } from '../../test/desk-app.ts';
import { findInboundTarget } from '../services/mail/find-inbound-target.ts';
import { mailCareMessage } from '../services/mail/mail-care-message.ts';
import { receiveInboundMail } from '../services/mail/receive-inbound-mail.ts';
import { renderOutboxMails } from '../services/mail/render-outbox-mails.ts';
import { moneyCase } from '../services/money/test-fixtures.ts';
import { transaction } from '../storage/database.ts';
import { listMessages } from '../storage/repositories/messages.ts';
import { auditLog, cases, mailOutbox } from '../storage/schema/index.ts';
import { startInboundSmtp } from './inbound-smtp-server.ts';
import { readMailConfig } from './mail-config.ts';

const desk = await deskApp();
const { db } = desk.database;
const config = readMailConfig({ LOUPE_MAIL_INBOUND: 'care@aoures.example=aoures' });
const errors: unknown[] = [];
const inbound = await startInboundSmtp(
  { port: 0, host: '127.0.0.1' },
  {
    accepts: async (address) => (await findInboundTarget(db, address, config, desk.ctx.now())) !== undefined,
    receive: async (mail) => {
      await receiveInboundMail(desk.ctx, config, mail);
    },
    onError: (error) => errors.push(error),
  },
);
const sender = nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a20000000049454e44ae426082',
  'hex',
);

/** A case with a mail thread: one mail written to its customer, whose Reply-To carries the case's token. */
async function caseWithThread() {
  const c = await moneyCase(db, { resolutions: ['refund'] });
  await transaction(db, (tx) =>
    mailCareMessage(tx, desk.ctx, { caseId: c.caseId, id: `hello-${c.caseId}`, body: 'Hello', attachments: [] }),
  );
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.caseId, c.caseId));
  if (!mail) throw new Error('no mail written');
  return { ...c, replyTo: mail.replyTo };
}

describe(`inbound mail over SMTP, on ${desk.database.kind}`, () => {
  it('puts a reply on its case as the customer’s message, with the photo and without the quoted mail', async () => {
    const c = await caseWithThread();
    expect(c.replyTo).toMatch(/^reply\+[0-9a-f]{30}@localhost$/);
    const info = await sender.sendMail({
      from: 'Ana <ana@example.com>',
      to: c.replyTo.toUpperCase(),
      subject: 'Re: a message from our care team',
      text: 'Here is the photo of the clasp.\n\nOn Mon, 4 May 2026 at 16:00, Money test shop <x@y> wrote:\n> Hello\n> Send a photo',
      attachments: [
        { filename: 'clasp.png', content: png, contentType: 'image/png' },
        { filename: 'notes.zip', content: Buffer.from('PK'), contentType: 'application/zip' },
      ],
    });
    expect(info.accepted).toHaveLength(1);

    const messages = await listMessages(db, c.caseId);
    const reply = messages.find((m) => m.authorKind === 'customer');
    expect(reply).toMatchObject({ author: 'ana@example.com' });
    expect(reply?.body).toBe(
      'Here is the photo of the clasp.\n\n[Not kept: notes.zip (application/zip is not accepted: photos and PDF only)]',
    );
    expect(reply?.attachments.map((a) => [a.filename, a.contentType, a.sizeBytes])).toEqual([
      ['clasp.png', 'image/png', png.byteLength],
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.caseId, c.caseId));
    expect(audit.map((a) => [a.actor, a.action])).toContainEqual(['customer:ana@example.com', 'post_message']);

    // The sender's retry of the same message (same Message-ID) adds nothing.
    await sender.sendMail({
      from: 'ana@example.com',
      to: c.replyTo,
      subject: 'Re',
      text: 'again',
      messageId: info.messageId,
    });
    expect((await listMessages(db, c.caseId)).filter((m) => m.authorKind === 'customer')).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('opens an inquiry for a new sender’s mail to the shop’s address and tells them it arrived', async () => {
    desk.setNow('2026-03-02T02:00:00Z');
    await sender.sendMail({
      from: 'Noor <noor@example.com>',
      to: 'Help@Aulso.com',
      subject: 'Ring sizes',
      text: 'Do you make the Luna ring in size 4?',
    });
    const [opened] = await db
      .select()
      .from(cases)
      .where(and(eq(cases.shopId, 'aulso'), eq(cases.type, 'inquiry')));
    expect(opened).toMatchObject({ state: 'inquiry', orderId: null });
    if (!opened) return;
    const messages = await listMessages(db, opened.id);
    // Both are written in the same instant, which leaves their order open (decision 010).
    expect(messages.map((m) => [m.authorKind, m.author, m.body]).sort()).toEqual([
      ['customer', 'noor@example.com', 'Do you make the Luna ring in size 4?'],
      ['system', 'loupe', 'Opened from an email by noor@example.com: “Ring sizes”'],
    ]);
    const [ack] = await renderOutboxMails(
      db,
      await db.select().from(mailOutbox).where(eq(mailOutbox.caseId, opened.id)),
    );
    expect(ack).toMatchObject({
      event: 'request_received',
      to: 'noor@example.com',
      fromAddress: 'help@aulso.com',
      subject: `Aulso: we have your message (AULSO-C${opened.number})`,
    });

    // An auto-reply to the shop's address opens nothing; a configured address reaches its shop.
    await sender.sendMail({
      from: 'away@example.com',
      to: 'help@aulso.com',
      subject: 'Out of office',
      text: 'I am away',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await sender.sendMail({ from: 'sam@example.com', to: 'care@aoures.example', subject: 'Hi', text: 'A question' });
    const inquiries = await db.select().from(cases).where(eq(cases.type, 'inquiry'));
    expect(inquiries.map((c) => c.shopId).sort()).toEqual(['aoures', 'aulso']);
    expect(errors).toEqual([]);
  });

  it('refuses mail for an address that is no case and no shop, and a made-up reply token', async () => {
    await expect(
      sender.sendMail({ from: 'x@example.com', to: 'someone@elsewhere.example', subject: 'Hi', text: 'relay me' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      sender.sendMail({ from: 'x@example.com', to: `reply+${'0'.repeat(30)}@localhost`, subject: 'Hi', text: 'guess' }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });
});
