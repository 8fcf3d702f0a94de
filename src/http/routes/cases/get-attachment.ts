import type { FastifyPluginAsync } from 'fastify';
import { getAttachment } from '../../../services/get-attachment.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { AttachmentParamsSchema, getAttachmentSchema } from './get-attachment.schema.ts';
import { CustomerQuerySchema } from './get-case.schema.ts';

/** GET /api/v1/cases/:id/attachments/:attachmentId: a file's bytes, as a download. */
export const getAttachmentRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/cases/:id/attachments/:attachmentId', { schema: getAttachmentSchema }, async (request, reply) => {
    const { context: ctx, auth } = deskDeps(options);
    const { id, attachmentId } = parseInput(AttachmentParamsSchema, request.params);
    const query = parseInput(CustomerQuerySchema, request.query);
    const file = await getAttachment(ctx, await auth.identify(request, { caseId: id }, query), id, attachmentId);
    // The name as the customer gave it, reduced to what a header can carry safely.
    const name = file.filename.replace(/[^\w.-]+/g, '_');
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
  });
};
