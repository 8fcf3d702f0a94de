import { z } from 'zod';
import { MAX_ATTACHMENTS } from '../../../services/post-message.ts';
import { ATTACHMENT_CONTENT_TYPES } from '../../../storage/schema/attachments.ts';
import { CustomerFieldsSchema, STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { MessageViewSchema } from './case-view.schema.ts';

/** The largest body a message may have: one 10 MiB file in base64, and the rest. */
export const MESSAGE_BODY_LIMIT = 15 * 1024 * 1024;

export const PostMessageBodySchema = CustomerFieldsSchema.extend({
  body: z.string().min(1).max(10_000),
  attachments: z
    .array(
      z.strictObject({
        filename: z.string().min(1).max(255),
        contentType: z.enum(ATTACHMENT_CONTENT_TYPES),
        data: z.base64().describe('the file’s bytes in base64; at most 10 MiB'),
      }),
    )
    .max(MAX_ATTACHMENTS)
    .optional(),
}).strict();

/** Docs of POST /api/v1/cases/:id/messages. */
export const postMessageSchema = {
  operationId: 'postMessage',
  tags: ['cases'],
  summary: 'Add a message, with photos or a PDF, to a case',
  description: `A message from the customer of the case’s order or from the shop’s staff. Attachments are photos (JPEG, PNG, WebP, HEIC) or PDF, 10 MiB each at most, ${MAX_ATTACHMENTS} per message, in base64; a file outside the limits is refused with 400 naming it. Roles: customer, agent, owner.`,
  params: toOpenApiSchema(CaseParamsSchema),
  body: toOpenApiSchema(PostMessageBodySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    201: { ...toOpenApiSchema(MessageViewSchema), description: 'The message as stored' },
    ...errorResponses(400, 401, 403, 404),
  },
};
