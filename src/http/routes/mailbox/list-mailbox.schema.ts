import { z } from 'zod';
import { MAIL_DELIVERIES, MAIL_EVENTS, MAIL_STATUSES } from '../../../storage/schema/mail.ts';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';

export const MailboxQuerySchema = z.strictObject({
  shop: z.string().min(1).optional().describe('only this shop’s mail; default: every shop the caller serves'),
  case: z.string().min(1).optional().describe('only the mail about this case'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const MailboxItemSchema = z.object({
  id: z.string(),
  shop: z.string(),
  caseId: z.string().nullable().describe('null for a mail about no case (a sign-in link)'),
  event: z.enum(MAIL_EVENTS),
  from: z.object({ name: z.string(), address: z.string() }),
  to: z.string(),
  replyTo: z.string().describe('the case’s reply address: a reply lands on the case'),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: z.enum(MAIL_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable().describe('when a waiting mail is tried next'),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  messageId: z.string().nullable(),
  deliveredVia: z.enum(MAIL_DELIVERIES).nullable().describe('smtp, or mailbox: kept here, no SMTP server set'),
  createdAt: z.string(),
});

/** Docs of GET /api/v1/mailbox. */
export const listMailboxSchema = {
  operationId: 'listMailbox',
  tags: ['inbox'],
  summary: 'The mail Loupe wrote to customers',
  description:
    'Every mail written to a customer, the latest first, with its delivery status. Without `SMTP_URL` this is the development mailbox: mail stays here, marked sent with `deliveredVia: mailbox`. Roles: agent, owner.',
  querystring: toOpenApiSchema(MailboxQuerySchema, 'input'),
  security: STAFF_ONLY,
  response: {
    200: { ...toOpenApiSchema(z.array(MailboxItemSchema)), description: 'The mails, the latest first' },
    ...errorResponses(400, 401, 403, 404),
  },
};
