import { z } from 'zod';
import { STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { CustomerQuerySchema } from './get-case.schema.ts';

export const AttachmentParamsSchema = CaseParamsSchema.extend({ attachmentId: z.string().min(1) });

/** Docs of GET /api/v1/cases/:id/attachments/:attachmentId. */
export const getAttachmentSchema = {
  operationId: 'getAttachment',
  tags: ['cases'],
  summary: 'One file attached to a case’s conversation',
  description: 'The file’s bytes, with its type, as a download. Roles: customer, agent, owner.',
  params: toOpenApiSchema(AttachmentParamsSchema),
  querystring: toOpenApiSchema(CustomerQuerySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
};
