import { z } from 'zod';
import { STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { MessageViewSchema } from './case-view.schema.ts';
import { CustomerQuerySchema } from './get-case.schema.ts';

/** Docs of GET /api/v1/cases/:id/messages. */
export const listMessagesSchema = {
  operationId: 'listMessages',
  tags: ['cases'],
  summary: 'A case’s conversation',
  description:
    'The messages of a case, oldest first, with their attachments named (fetch each from `/attachments/:attachmentId`). Roles: customer, agent, owner.',
  params: toOpenApiSchema(CaseParamsSchema),
  querystring: toOpenApiSchema(CustomerQuerySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: { ...toOpenApiSchema(z.array(MessageViewSchema)), description: 'The messages, oldest first' },
    ...errorResponses(400, 401, 403, 404),
  },
};
