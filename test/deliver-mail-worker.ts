// The outbox worker as a process of its own, for tests that kill it: opens the database of DATABASE_URL
// (else the PGlite directory LOUPE_DATA_DIR) and runs deliverDueMail against SMTP_URL, LOUPE_WORKER_BATCH_SIZE
// mails a run, until a run finds nothing due; then exits 0. LOUPE_WORKER_CLOCK_OFFSET_MS moves its clock on,
// as for a worker started after the claims of a dead one have run out.
// Run with `node --import tsx test/deliver-mail-worker.ts`.
import { deliverDueMail } from '../src/jobs/deliver-due-mail.ts';
import { smtpTransport } from '../src/mail/smtp-transport.ts';
import { openDatabase } from '../src/storage/database.ts';

const smtpUrl = process.env.SMTP_URL;
if (!smtpUrl) throw new Error('SMTP_URL is not set');
const offset = Number(process.env.LOUPE_WORKER_CLOCK_OFFSET_MS ?? 0);
const batchSize = Number(process.env.LOUPE_WORKER_BATCH_SIZE ?? 20);
const database = await openDatabase();
const transport = smtpTransport(smtpUrl);
const now = () => new Date(Date.now() + offset);
for (;;) {
  const report = await deliverDueMail(database.db, transport, { now, messageIdDomain: 'mail.loupe.test', batchSize });
  for (const id of report.sent) process.stdout.write(`sent ${id}\n`);
  if (report.sent.length + report.retrying.length + report.failed.length === 0) break;
}
transport.close();
await database.close();
process.stdout.write('done\n');
