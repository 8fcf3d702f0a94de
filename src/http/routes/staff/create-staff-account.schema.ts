import { z } from 'zod';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';

export const CreateStaffAccountBodySchema = z.strictObject({
  email: z.email().max(320).describe('the agent’s email: what they sign in with'),
  name: z.string().min(1).max(100).describe('the name the audit trail shows'),
  password: z.string().min(12).max(1024).describe('at least 12 characters; stored as an argon2id hash'),
});

export const StaffAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['agent', 'owner']),
  shopId: z.string(),
});

/** Docs of POST /api/v1/shops/:id/staff. */
export const createStaffAccountSchema = {
  operationId: 'createStaffAccount',
  tags: ['people'],
  summary: 'Add an agent to the shop’s staff',
  description:
    'Adds a staff account with the agent role for this shop; they sign in at `POST /api/v1/sessions/staff`. An email that has an account is 409. Roles: owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  body: toOpenApiSchema(CreateStaffAccountBodySchema, 'input'),
  security: STAFF_ONLY,
  response: {
    201: { ...toOpenApiSchema(StaffAccountSchema), description: 'The account (never its password)' },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
