import type { ParsedMail } from 'mailparser';
import { afterAll, expect } from 'vitest';
import { deliverDueMail } from '../../src/jobs/deliver-due-mail.ts';
import { formatInstant } from '../../src/mail/format-instant.ts';
import { formatMoney } from '../../src/mail/format-money.ts';
import { smtpTransport } from '../../src/mail/smtp-transport.ts';
import { loadBundledPolicies } from '../../src/policies/load-policy-file.ts';
import type { DeskApp } from '../desk-app.ts';
import { smtpReceiver } from '../smtp-receiver.ts';
import type { CaseBody } from './journey.ts';

const policies = loadBundledPolicies();

/** A mail as the customer reads it: who sent it, to whom, its subject and its text part. */
export type ReadMail = { from: string; to: string; subject: string; text: string; messageId: string };

/**
 * The customer's mailbox for a desk's journeys: a real SMTP server (smtp-server)
 * that the outbox worker (`deliverDueMail` with the SMTP transport, as
 * `loupe serve` runs it with `SMTP_URL`) delivers to. Call once at the top of
 * a test file, beside `deskApp()`.
 */
export async function journeyMailbox(desk: DeskApp) {
  const receiver = await smtpReceiver();
  const transport = smtpTransport(receiver.url);
  afterAll(() => transport.close());
  return {
    /**
     * Works the outbox until nothing is due at the desk's clock, all of it
     * accepted, and answers the mails received about a case in the order they
     * were sent (the outbox's: the order the journey wrote them in).
     */
    async receivedFor(c: Pick<CaseBody, 'id'>): Promise<ReadMail[]> {
      for (;;) {
        const report = await deliverDueMail(desk.database.db, transport, {
          now: () => desk.ctx.now(),
          messageIdDomain: 'mail.loupe.test',
        });
        expect(report.retrying.concat(report.failed)).toEqual([]);
        if (report.sent.length === 0) break;
      }
      return receiver.accepted.filter((m) => m.headers.get('x-loupe-case') === c.id).map(readMail);
    },
  };
}

function readMail(m: ParsedMail): ReadMail {
  const to = Array.isArray(m.to) ? m.to.flatMap((a) => a.value) : (m.to?.value ?? []);
  return {
    from: m.from?.value[0]?.address ?? '',
    to: to.map((a) => a.address).join(', '),
    subject: m.subject ?? '',
    text: m.text ?? '',
    messageId: m.messageId ?? '',
  };
}

/**
 * How a shop's mails write what the API answers: its name, money in its
 * customers' way (`en-<country>`), instants on its clock with the zone, and
 * the address it sends from — to compute what a mail must say from the API's
 * answers rather than copy it.
 */
export function shopWords(shop: string) {
  const policy = policies.get(shop);
  if (!policy) throw new Error(`no bundled policy ${shop}`);
  const { timeZone, country, contact } = policy.profile;
  const locale = `en-${country}`;
  return {
    name: policy.name,
    from: contact.email ?? 'loupe@localhost',
    money: (cents: number, currency: string) => formatMoney(cents, currency, locale),
    at: (iso: string) => formatInstant(new Date(iso), timeZone, locale),
  };
}

/** The one mail whose subject starts as the shop's mails of that kind do; fails naming the subjects there are. */
export function mailAbout(mails: readonly ReadMail[], subject: string): ReadMail {
  const found = mails.filter((m) => m.subject.includes(subject));
  expect(
    found.map((m) => m.subject),
    `one mail "${subject}" among ${JSON.stringify(mails.map((m) => m.subject))}`,
  ).toHaveLength(1);
  return found[0] as ReadMail;
}

type Deadlines = { respondsBy: string | null; shipBy: string | null; resolutionBy: string | null };

/**
 * The two mails opening a case sends, checked against the case the API
 * answered: "we have your request" with the reference, the order and the date
 * the shop answers by; and the decision, quoting every sentence of the
 * policy the decision cites. Answers the decision mail.
 */
export function expectOpeningMails(mails: readonly ReadMail[], opened: CaseBody, orderNumber: string): ReadMail {
  const words = shopWords(opened.shop as string);
  const reference = opened.reference as string;
  const received = mailAbout(mails, `${words.name}: we have your`);
  expect(received.subject).toMatch(new RegExp(`request \\(${reference}\\)$`));
  expect(received.text).toContain(`Your reference: ${reference}`);
  expect(received.text).toContain(`about order ${orderNumber}.`);
  const { respondsBy } = opened.deadlines as Deadlines;
  if (respondsBy) expect(received.text).toContain(`We will answer by ${words.at(respondsBy)}.`);

  const decision = mails[mails.indexOf(received) + 1];
  expect(decision?.subject.startsWith(`${words.name}: `)).toBe(true);
  expect(decision?.subject.endsWith(`(${reference})`)).toBe(true);
  const reasons = opened.decision?.reasons ?? [];
  expect(reasons.length).toBeGreaterThan(0);
  for (const r of reasons) expect(decision?.text).toContain(`“${r.quote}”`);
  return decision as ReadMail;
}

/** The mail of an authorization: its number, the address to send to, and the ship-by date on the shop's clock. */
export function expectReturnInstructions(mails: readonly ReadMail[], c: CaseBody): ReadMail {
  const words = shopWords(c.shop as string);
  const number = c.authorizationNumber as string;
  const { shipBy } = c.deadlines as Deadlines;
  expect(number).toBeTruthy();
  expect(shipBy).toBeTruthy();
  const mail = mailAbout(mails, `${words.name}: your return is authorized, ${number} (${c.reference})`);
  expect(mail.text).toContain(`Authorization number: ${number}`);
  expect(mail.text).toContain(`Send it to: ${c.returnAddress}`);
  expect(mail.text).toContain(`Ship it by: ${words.at(shipBy ?? '')}`);
  return mail;
}

/** Every mail of a case comes from the shop, goes to the customer, and carries a Message-ID of its own. */
export function expectFromShopToCustomer(mails: readonly ReadMail[], shop: string, email: string): void {
  expect(mails.length).toBeGreaterThan(0);
  for (const m of mails) expect({ from: m.from, to: m.to }).toEqual({ from: shopWords(shop).from, to: email });
  expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
}
