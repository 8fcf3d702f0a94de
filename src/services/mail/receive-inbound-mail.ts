import type { MailConfig } from '../../mail/mail-config.ts';
import { newReplyToken } from '../../mail/reply-address.ts';
import { transaction } from '../../storage/database.ts';
import { appendAudit } from '../../storage/repositories/audit-log.ts';
import { findCase } from '../../storage/repositories/cases.ts';
import { ensureMailThread, findInboundMail, recordInboundMail } from '../../storage/repositories/mail-threads.ts';
import { type AttachmentRow, insertMessage } from '../../storage/repositories/messages.ts';
import { storedPolicyVersion } from '../../storage/repositories/policy-versions.ts';
import {
  ATTACHMENT_CONTENT_TYPES,
  type AttachmentContentType,
  MAX_ATTACHMENT_BYTES,
} from '../../storage/schema/attachments.ts';
import { openCase } from '../open-case.ts';
import { MAX_ATTACHMENTS } from '../post-message.ts';
import { LOUPE, type ServiceContext } from '../service-context.ts';
import { findInboundTarget } from './find-inbound-target.ts';
import { mailsOnCaseOpened } from './mails-on-case-opened.ts';
import { stripQuotedReply } from './strip-quoted-reply.ts';

/** A mail as the listener parsed it. */
export type InboundMail = {
  /** The Message-ID header, to store a mail a sender retries once. */
  messageIdHeader: string | undefined;
  from: string;
  /** The envelope's recipients (RCPT TO): where the mail was delivered, whatever its To header says. */
  recipients: string[];
  subject: string;
  text: string;
  /** An auto-reply, a bounce or a list mail (RFC 3834): stored on a thread, never answered, never a new case. */
  automatic: boolean;
  attachments: { filename: string; contentType: string; content: Uint8Array }[];
};

/** What became of a mail: a reply on its case, a new inquiry, one already stored, or nothing (no recipient of ours). */
export type InboundOutcome =
  | { kind: 'reply' | 'opened'; caseId: string; messageId: string }
  | { kind: 'duplicate'; caseId: string }
  | { kind: 'ignored'; reason: string };

/** The longest message kept, as the desk's own message form allows. */
const MAX_BODY = 10_000;

/**
 * Files a mail where it belongs. A reply to a case's reply address becomes
 * the customer's message on that case, with the photos and PDFs it carries
 * (within the limits of messages: type, 10 MiB, 10 files; a file outside
 * them is named in the message, not stored). A mail to a shop's address from
 * someone new opens an `inquiry` with it, and they are told it arrived. The
 * quoted mail under a reply is dropped. One transaction; a mail whose
 * Message-ID was stored already is not stored again.
 */
export async function receiveInboundMail(
  ctx: ServiceContext,
  config: MailConfig,
  mail: InboundMail,
): Promise<InboundOutcome> {
  const now = ctx.now();
  return transaction(ctx.db, async (tx) => {
    const known = mail.messageIdHeader ? await findInboundMail(tx, mail.messageIdHeader) : undefined;
    if (known) return { kind: 'duplicate', caseId: known.caseId };
    const targets = [];
    for (const address of mail.recipients) {
      const target = await findInboundTarget(tx, address, config, now);
      if (target) targets.push(target);
    }
    const target = targets.find((t) => t.kind === 'thread') ?? targets[0];
    if (!target) return { kind: 'ignored', reason: 'no recipient is a case or a shop of this desk' };
    if (target.kind === 'shop' && mail.automatic) {
      return { kind: 'ignored', reason: 'an automatic mail does not open a case' };
    }
    const txCtx = { ...ctx, db: tx };
    const caseId =
      target.kind === 'thread'
        ? target.thread.caseId
        : (
            await openCase(txCtx, LOUPE, {
              shopId: target.shopId,
              request: { type: 'inquiry' },
              message: `Opened from an email by ${mail.from}${mail.subject ? `: “${mail.subject}”` : ''}`,
            })
          ).id;
    const row = await findCase(tx, caseId);
    if (!row) throw new Error(`case ${caseId} is missing`);

    const messageId = ctx.newId();
    const { files, refused } = keptAttachments(mail.attachments, messageId, ctx.newId);
    const text = stripQuotedReply(mail.text);
    const body = [
      text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}…` : text,
      ...refused.map((r) => `[Not kept: ${r}]`),
    ].join('\n\n');
    await insertMessage(
      tx,
      { id: messageId, caseId, authorKind: 'customer', author: mail.from, body, createdAt: now },
      files,
    );
    await appendAudit(tx, [
      {
        shopId: row.shopId,
        caseId,
        actor: `customer:${mail.from}`,
        action: 'post_message',
        fromState: row.state,
        toState: row.state,
        policyVersionId: row.policyVersionId,
        detail: { messageId, attachments: files.length, via: 'email' },
        at: now,
      },
    ]);
    if (mail.messageIdHeader) {
      await recordInboundMail(tx, { messageIdHeader: mail.messageIdHeader, caseId, messageId, receivedAt: now });
    }
    if (target.kind === 'shop') {
      await ensureMailThread(tx, { caseId, token: newReplyToken(), address: mail.from, createdAt: now });
      const version = row.policyVersionId ? await storedPolicyVersion(tx, row.policyVersionId) : undefined;
      if (version) await mailsOnCaseOpened(tx, ctx, row, undefined, version.policy);
    }
    return { kind: target.kind === 'thread' ? 'reply' : 'opened', caseId, messageId };
  });
}

/** The attachments within the limits of a message, and a line for each left out. */
function keptAttachments(
  attachments: InboundMail['attachments'],
  messageId: string,
  newId: () => string,
): { files: AttachmentRow[]; refused: string[] } {
  const files: AttachmentRow[] = [];
  const refused: string[] = [];
  for (const a of attachments) {
    const type = a.contentType.toLowerCase();
    if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(type)) {
      refused.push(`${a.filename} (${type} is not accepted: photos and PDF only)`);
    } else if (a.content.byteLength === 0 || a.content.byteLength > MAX_ATTACHMENT_BYTES) {
      refused.push(`${a.filename} (empty or over 10 MiB)`);
    } else if (files.length >= MAX_ATTACHMENTS) {
      refused.push(`${a.filename} (more than ${MAX_ATTACHMENTS} files)`);
    } else {
      files.push({
        id: newId(),
        messageId,
        filename: a.filename,
        contentType: type as AttachmentContentType,
        sizeBytes: a.content.byteLength,
        data: a.content,
      });
    }
  }
  return { files, refused };
}
