import { z } from 'zod';
import { STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CustomerQuerySchema } from '../cases/get-case.schema.ts';
import { CaseParamsSchema } from '../params.schema.ts';

/** Money a case gave its customer. */
export const IssuedMoneySchema = z.object({
  kind: z.enum(['refund', 'partial_refund', 'store_credit']),
  amountCents: z.number().int(),
  currency: z.string(),
  method: z.string().nullable(),
  giftCardCode: z.string().nullable().describe('store credit: the gift card’s code to spend it with'),
  issuedAt: z.string(),
});

/** Docs of GET /api/v1/cases/:id/issued-money. */
export const listIssuedMoneySchema = {
  operationId: 'listIssuedMoney',
  tags: ['money'],
  summary: 'The refunds and store credit a case gave the customer',
  description:
    'What the case has given back, oldest first: refunds to how the customer paid and store credit with its gift-card code (the one mailed to them). Fees, charges and what was spent are the ledger’s, for staff. Customers add `?orderNumber=…&email=…` or use their session. Roles: customer, agent, owner.',
  params: toOpenApiSchema(CaseParamsSchema),
  querystring: toOpenApiSchema(CustomerQuerySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: { ...toOpenApiSchema(z.array(IssuedMoneySchema)), description: 'The money given back' },
    ...errorResponses(400, 401, 403, 404),
  },
};
