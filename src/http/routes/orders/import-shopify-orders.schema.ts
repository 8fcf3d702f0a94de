import { z } from 'zod';
import { IMPORT_REPORT_LIMIT } from '../../../services/import-shopify-orders.ts';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';

/** The media types the import reads, and the format each one is. */
export const SHOPIFY_MEDIA_TYPES = ['application/json', 'application/x-ndjson', 'text/csv'];

const Count = z.number().int().min(0);

/** What an import answers: the service's `ShopifyImportSummary`. */
export const ShopifyImportSummarySchema = z.object({
  shop: z.string(),
  read: Count.describe('orders read from the body, imported or not'),
  created: Count,
  updated: Count.describe('orders already known by their number, replaced'),
  failed: Count,
  failures: z
    .array(
      z.object({
        line: z.number().int().describe('the line of the body the order starts on (CSV: its row at fault)'),
        index: z.number().int().describe('its place among the orders of the body, from 1'),
        order: z.string().nullable().describe('its number, when it could be read'),
        issues: z.array(z.object({ path: z.string(), message: z.string(), code: z.string() })),
      }),
    )
    .describe(`the first ${IMPORT_REPORT_LIMIT} orders not imported, and why`),
  refunds: z
    .array(
      z.object({
        line: z.number().int(),
        order: z.string(),
        currency: z.string(),
        amount: Count.describe('minor units of the currency'),
        count: Count.optional().describe('how many refunds (order JSON only: the CSV export has the total)'),
      }),
    )
    .describe(
      'refunds already made in Shopify on imported orders (the first ones): stored on each order, a case refunds only what is left',
    ),
  refundsSeen: Count,
  parcelsAdded: Count.describe('outbound parcels added from Shopify fulfillments with tracking numbers'),
  cancelledSeen: Count.describe(
    'imported orders Shopify says were cancelled (stored with when; a case on them has nothing to refund)',
  ),
  stopped: z
    .object({ line: z.number().int(), message: z.string() })
    .nullable()
    .describe('where the body stopped being readable; the orders before it were imported'),
});

/** Docs of POST /api/v1/shops/:id/imports/shopify. */
export const importShopifyOrdersSchema = {
  operationId: 'importShopifyOrders',
  tags: ['orders'],
  summary: 'Import Shopify orders: order JSON, JSON Lines or the orders export CSV',
  description:
    'Streams the body into the shop’s orders as it arrives: `application/json` is one Shopify order (bare or `{"order": …}`), an array of them, `{"orders": [...]}` as the REST Admin API answers, or JSON Lines (detected); `application/x-ndjson` is JSON Lines; `text/csv` is Admin → Orders → Export (one row per line item). An order of a known number is updated, a new one added; orders that cannot be read or stored are listed with the line they start on while the others load. A body that cannot be read at all is 400; one that stops being readable keeps the orders before (`stopped`). Refunds and cancellations made in Shopify are stored on the order and reported. Roles: agent, owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  body: {
    content: {
      'application/json': {
        schema: {
          type: ['object', 'array'],
          description: 'a Shopify order, an array of them, {"orders": [...]}, or JSON Lines',
        },
      },
      'application/x-ndjson': { schema: { type: 'string', description: 'one Shopify order per line' } },
      'text/csv': { schema: { type: 'string', description: 'Shopify’s orders export' } },
    },
  },
  security: STAFF_ONLY,
  response: {
    200: { ...toOpenApiSchema(ShopifyImportSummarySchema), description: 'What was imported, and what was not' },
    ...errorResponses(400, 401, 403, 404),
  },
};
