import { STAFF_OR_CUSTOMER } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { CaseParamsSchema } from '../params.schema.ts';
import { CustomerQuerySchema } from './get-case.schema.ts';

/** Docs of GET /api/v1/cases/:id/return-slip.pdf. */
export const getReturnSlipSchema = {
  operationId: 'getReturnSlip',
  tags: ['cases'],
  summary: 'A printable return slip (PDF) for a case awaiting its return',
  description:
    'One page to put in the parcel: the shop, the order number, the case reference, the return authorization number (also as a Code 128 barcode), the address to send to, the ship-by date on the shop’s clock and how to pack the parcel, from the instructions sent with the authorization. Only while the case is `awaiting_return`; otherwise 409. Customers add `?orderNumber=…&email=…` of the case’s order; staff send their token. Roles: customer, agent, owner.',
  params: toOpenApiSchema(CaseParamsSchema),
  querystring: toOpenApiSchema(CustomerQuerySchema, 'input'),
  security: STAFF_OR_CUSTOMER,
  response: {
    200: {
      description: 'The slip, as a PDF',
      content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
