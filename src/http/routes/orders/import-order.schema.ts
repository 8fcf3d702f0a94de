import { z } from 'zod';
import { OrderSchema } from '../../../domain/contract/case.schema.ts';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { optionalIdempotencyHeaders, replayedResponseHeaders } from '../../idempotency-key.schema.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { MAX_CENTS } from '../money/money.schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { OrderViewSchema } from './order-view.schema.ts';

export const ImportOrderBodySchema = z
  .strictObject({
    order: OrderSchema.describe('the order facts of the decision contract (case.schema.json `order`)'),
    customer: z.strictObject({ email: z.email(), name: z.string().min(1).max(200).optional() }),
  })
  .superRefine(({ order }, ctx) => {
    // The contract bounds no amount, the store's columns do: a bigger one is the caller's mistake (400), not a 500.
    const tooBig = (value: number | undefined, path: (string | number)[]) => {
      if (value !== undefined && value > MAX_CENTS)
        ctx.addIssue({ code: 'too_big', origin: 'number', maximum: MAX_CENTS, input: value, path });
    };
    tooBig(order.shippingPaid, ['order', 'shippingPaid']);
    let total = order.shippingPaid ?? 0;
    order.lines.forEach((line, i) => {
      tooBig(line.unitPrice, ['order', 'lines', i, 'unitPrice']);
      tooBig(line.quantity, ['order', 'lines', i, 'quantity']);
      tooBig(line.discount, ['order', 'lines', i, 'discount']);
      total += line.unitPrice * line.quantity;
    });
    if (total > MAX_CENTS)
      ctx.addIssue({
        code: 'custom',
        path: ['order', 'lines'],
        message: `the order's total (lines and shipping) is more than ${MAX_CENTS} cents`,
      });
  });

/** Docs of POST /api/v1/shops/:id/orders. */
export const importOrderSchema = {
  operationId: 'importOrder',
  tags: ['orders'],
  summary: 'Import an order, or update one imported before',
  description:
    'Stores an order of the shop with its lines and its customer, keyed by the order number: a known number is updated (lines replaced), a new one added (201). Amounts, quantities and the order’s total are at most 2147483647 (cents); more is 400 naming the field. With an `Idempotency-Key`, a retry within 24 hours answers the first response again instead of importing again. Roles: agent, owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  headers: optionalIdempotencyHeaders,
  body: toOpenApiSchema(ImportOrderBodySchema, 'input'),
  security: STAFF_ONLY,
  response: {
    200: { ...toOpenApiSchema(OrderViewSchema), ...replayedResponseHeaders, description: 'The order, updated' },
    201: { ...toOpenApiSchema(OrderViewSchema), ...replayedResponseHeaders, description: 'The order, added' },
    ...errorResponses(400, 401, 403, 404, 409),
  },
};
