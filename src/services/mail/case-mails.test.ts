import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { deskApp } from '../../../test/desk-app.ts';
import { demoDecidedBy, Journey } from '../../../test/e2e/journey.ts';
import { smtpReceiver } from '../../../test/smtp-receiver.ts';
import { deliverDueMail } from '../../jobs/deliver-due-mail.ts';
import { smtpTransport } from '../../mail/smtp-transport.ts';
import { transaction } from '../../storage/database.ts';
import { mailOutbox } from '../../storage/schema/index.ts';
import { loadMailCase } from './enqueue-case-mail.ts';
import { mailsOnCaseOpened } from './mails-on-case-opened.ts';
import { remindShipBack } from './remind-ship-back.ts';
import { renderOutboxMails } from './render-outbox-mails.ts';

const desk = await deskApp();
const receiver = await smtpReceiver();
const transport = smtpTransport(receiver.url);
const DOMAIN = 'mail.loupe.test';

/** What openCase will do once its author calls `mailsOnCaseOpened` in its transaction; a second call adds nothing. */
async function mailOpening(caseId: string) {
  await transaction(desk.database.db, async (tx) => {
    const c = await loadMailCase(tx, caseId);
    if (!c?.policy) throw new Error('no such case');
    await mailsOnCaseOpened(tx, desk.ctx, c.row, c.order, c.policy);
  });
}

/** Runs the worker over SMTP until the outbox has nothing due; answers the mails the server accepted meanwhile. */
async function deliver(): Promise<ParsedMail[]> {
  const before = receiver.accepted.length;
  for (;;) {
    const report = await deliverDueMail(desk.database.db, transport, { now: desk.ctx.now, messageIdDomain: DOMAIN });
    if (report.sent.length + report.retrying.length + report.failed.length === 0) break;
  }
  return receiver.accepted.slice(before);
}

const money = (cents: number, prefix: string) =>
  `${prefix}${(cents / 100).toLocaleString('en', { minimumFractionDigits: 2 })}`;
const inZone = (iso: string, zone: string) => DateTime.fromISO(iso).setZone(zone).toFormat('d LLLL yyyy');

describe(`mail about a case, sent over SMTP, on ${desk.database.kind}`, () => {
  it('tells an Aulso customer each step of a change-of-mind return, from Aulso’s address, replies going to the case', {
    timeout: 60_000,
  }, async () => {
    const j = new Journey(desk, demoDecidedBy('aulso', 'change-of-mind-72h'));
    await j.open();
    await mailOpening(j.case.id);
    await mailOpening(j.case.id);
    await j.sendBackAndInspect();
    const amount = j.case.money?.refundableCents ?? 0;
    expect((await j.wait(1).money('refunds', amount, 'mail-refund-1')).statusCode).toBe(201);
    await j.act('resolve', { resolution: 'refund' });
    const posted = await desk.staff({
      method: 'POST',
      url: `/api/v1/cases/${j.case.id}/messages`,
      payload: { body: 'Thank you for sending it back so quickly.\nAll the best, Mei' },
    });
    expect(posted.statusCode, posted.body).toBe(201);

    const mails = await deliver();
    const ref = j.case.reference as string;
    expect(mails.map((m) => m.subject)).toEqual([
      expect.stringMatching(new RegExp(`^Aulso: we have your (return|exchange) request \\(${ref}\\)$`)),
      `Aulso: your request is approved (${ref})`,
      expect.stringMatching(new RegExp(`^Aulso: your return is authorized, RA-[0-9A-Z-]+ \\(${ref}\\)$`)),
      `Aulso: we received your return (${ref})`,
      `Aulso: we refunded ${money(amount, 'US$')} (${ref})`,
      `Aulso: your request is resolved (${ref})`,
      `Aulso: a message from our care team (${ref})`,
    ]);
    const [received, decision, instructions, , refund, , message] = mails as [
      ParsedMail,
      ParsedMail,
      ParsedMail,
      ParsedMail,
      ParsedMail,
      ParsedMail,
      ParsedMail,
    ];
    for (const mail of mails) {
      expect(mail.from?.value).toEqual([{ name: 'Aulso', address: 'help@aulso.com' }]);
      expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address).toBe(j.demo.customer.email);
      expect(mail.replyTo?.value[0]?.address).toMatch(/^reply\+[0-9a-f]{30}@localhost$/);
    }
    // One thread per case: every mail answers to the same reply address.
    expect(new Set(mails.map((m) => m.replyTo?.text)).size).toBe(1);
    expect(received.text).toContain(j.demo.order.number);
    expect(decision.text).toContain('we’ll cover the return shipping');
    expect(decision.text).toContain('We pay the return shipping.');
    expect(decision.html).toContain('<blockquote');

    const shipBy = (j.case.deadlines as { shipBy: string }).shipBy;
    expect(instructions.text).toContain(`Authorization number: ${j.case.authorizationNumber}`);
    expect(instructions.text).toContain(inZone(shipBy, 'Asia/Hong_Kong'));
    expect(instructions.text).toMatch(/Ship it by: .* HKT/);
    expect(instructions.text).toContain('Mong Kok');
    expect(refund.text).toContain(`We have refunded ${money(amount, 'US$')} to your`);
    expect(message.text).toContain('Thank you for sending it back so quickly.\nAll the best, Mei');

    const { db } = desk.database;
    const rows = await renderOutboxMails(
      db,
      await db.select().from(mailOutbox).where(eq(mailOutbox.caseId, j.case.id)),
    );
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'sent', attempts: 1, deliveredVia: 'smtp', lastError: null });
      expect(mails.find((m) => m.messageId === `<${row.id}@${DOMAIN}>`)?.subject).toBe(row.subject);
    }
  });

  it('gives an Amijose customer their gift-card code and the store credit in pounds', { timeout: 60_000 }, async () => {
    const j = new Journey(desk, demoDecidedBy('amijose', 'personalised-store-credit'));
    await j.open();
    await j.sendBackAndInspect();
    const amount = j.case.money?.refundableCents ?? 0;
    const credit = await j.money('store-credit', amount, 'mail-credit-1');
    expect(credit.statusCode, credit.body).toBe(201);
    const code = credit.json().giftCard.code as string;

    const mails = await deliver();
    const mail = mails.find((m) => m.subject?.includes('store credit'));
    expect(mail?.subject).toBe(`Amijose: your store credit of ${money(amount, '£')} (${j.case.reference})`);
    expect(mail?.from?.value).toEqual([{ name: 'Amijose', address: 'customercare@amijose.com' }]);
    expect(mail?.text).toContain(`Your gift card code: ${code}`);
  });

  it('reminds a customer two days before the ship-by date, once per deadline, not right after authorizing', {
    timeout: 60_000,
  }, async () => {
    const j = new Journey(
      desk,
      demoDecidedBy('aulso', 'change-of-mind-72h', (d) => d.order.number !== 'x'),
    );
    await j.open();
    const at = (hours: number) => new Date(Date.parse(j.demo.now) + hours * 3_600_000).toISOString();
    await j.act('authorize', { shipBy: at(24 * 5) });
    await deliver();

    desk.setNow(at(24 * 2));
    expect(await remindShipBack(desk.ctx)).toBe(0);
    desk.setNow(at(24 * 3 + 1));
    expect(await remindShipBack(desk.ctx)).toBe(1);
    expect(await remindShipBack(desk.ctx)).toBe(0);
    const [reminder, ...others] = await deliver();
    expect(others).toEqual([]);
    expect(reminder?.subject).toMatch(/^Aulso: a reminder to send your return by .* HKT/);
    expect(reminder?.text).toContain(inZone(at(24 * 5), 'Asia/Hong_Kong'));
    expect(reminder?.text).toContain(`Authorization number: ${j.case.authorizationNumber}`);

    // Authorized with a day to go: the instructions say it all, no reminder follows.
    const late = new Journey(desk, demoDecidedBy('aulso', 'change-of-mind-72h'));
    late.demo.order.number = `${late.demo.order.number}-LATE`;
    await late.open();
    const soon = new Date(Date.parse(late.demo.now) + 24 * 3_600_000).toISOString();
    await late.act('authorize', { shipBy: soon });
    desk.setNow(new Date(Date.parse(soon) - 3_600_000).toISOString());
    expect(await remindShipBack(desk.ctx)).toBe(0);
  });

  it('writes no mail for a move that is refused: a refund over the cap rolls its mail back with it', async () => {
    const before = (await desk.database.db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
    const j = new Journey(desk, demoDecidedBy('aulso', 'change-of-mind-72h'));
    j.demo.order.number = `${j.demo.order.number}-OVER`;
    await j.open();
    await j.sendBackAndInspect();
    const queued = (await desk.database.db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
    const over = await j.money('refunds', (j.case.money?.refundableCents ?? 0) + 1, 'mail-over-1');
    expect(over.json()).toMatchObject({ code: 'OVER_REFUND' });
    expect((await desk.database.db.select({ id: mailOutbox.id }).from(mailOutbox)).length).toBe(queued);
    expect(queued).toBeGreaterThan(before);
  });
});
