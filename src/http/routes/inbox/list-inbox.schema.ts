import { z } from 'zod';
import { OutcomeSchema } from '../../../domain/contract/decision.schema.ts';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CaseStateSchema, CaseTypeSchema, DueSchema } from '../cases/case-view.schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';

export const InboxQuerySchema = z.strictObject({
  state: CaseStateSchema.optional().describe('only cases in this state; default: every open state'),
  type: CaseTypeSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only cases past what is due; false: only those that are not'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const InboxItemSchema = z.object({
  id: z.string(),
  reference: z.string(),
  type: CaseTypeSchema,
  state: CaseStateSchema,
  outcome: OutcomeSchema.nullable(),
  orderNumber: z.string().nullable(),
  revision: z.number().int(),
  due: DueSchema.nullable(),
  overdue: z.boolean(),
  deadlines: z.object({
    respondsBy: z.string().nullable(),
    shipBy: z.string().nullable(),
    resolutionBy: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Docs of GET /api/v1/shops/:id/inbox. */
export const listInboxSchema = {
  operationId: 'listInbox',
  tags: ['inbox'],
  summary: 'A shop’s cases, ordered by what is due',
  description:
    'Open cases first by the deadline each waits on — the shop’s reply (`respond`), the customer’s parcel (`ship_back`) or the resolution (`resolve`) — with `overdue` set for those past it. Roles: agent, owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  querystring: toOpenApiSchema(InboxQuerySchema, 'input'),
  security: STAFF_ONLY,
  response: {
    200: { ...toOpenApiSchema(z.array(InboxItemSchema)), description: 'The cases, the most urgent first' },
    ...errorResponses(400, 401, 403, 404),
  },
};
