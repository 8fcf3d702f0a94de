import { z } from 'zod';
import {
  EasyPostEventSchema,
  EasyPostTrackerSchema,
  TRACKER_EVENTS,
} from '../../../integrations/easypost/easypost-event.schema.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';

/** The header EasyPost signs with. */
export const EasyPostHeadersSchema = z.object({
  'x-hmac-signature': z
    .string()
    .describe(
      '`hmac-sha256-hex=` and the hex HMAC-SHA256 of the raw body, keyed with the webhook secret (NFKD, UTF-8)',
    ),
});

/** What Loupe answers EasyPost: taken in, and what it changed. */
export const EasyPostReceiptSchema = z.object({
  received: z.literal(true),
  ignored: z
    .string()
    .optional()
    .describe('why nothing was done: not a tracker event, or a tracking number Loupe does not know'),
  shipments: z.number().int().describe('parcels with this tracking number'),
  eventsStored: z.number().int().describe('scans new to Loupe; 0 when the same event comes again'),
  ordersShipped: z.array(z.string()),
  ordersDelivered: z.array(z.string()),
  casesReceived: z.array(z.string()),
});
export type EasyPostReceipt = z.infer<typeof EasyPostReceiptSchema>;

/** Docs of POST /api/v1/webhooks/easypost. */
export const receiveEasyPostEventSchema = {
  operationId: 'receiveEasyPostEvent',
  tags: ['orders'],
  summary: 'Tracking news from EasyPost (webhook)',
  description: [
    'EasyPost posts an Event here whenever a Tracker changes (`tracker.created`, `tracker.updated`); register this URL with a webhook secret in EasyPost and give the server the same secret in `EASYPOST_WEBHOOK_SECRET`. Without that variable the route answers 500 and stores nothing.',
    'The request must carry `X-Hmac-Signature: hmac-sha256-hex=<hex>`, the HMAC-SHA256 of the raw body keyed with the secret (normalised to Unicode NFKD, UTF-8), as EasyPost signs; a missing or wrong one is 401 and nothing is stored.',
    'Each scan of the Tracker is stored once against the parcels (either way) with its tracking code, so the same event twice stores nothing new. A parcel to the customer that is on the move sets the order’s `shippedAt`, and its delivery the order’s `deliveredAt` (the start of the return windows), unless already on file. A delivered parcel whose code a customer gave for their return moves that case from `in_transit` to `received`, audited as `system:easypost`.',
    'Other events, and tracking codes Loupe does not know, are answered 200 and ignored so EasyPost does not retry them. Role: EasyPost (signed).',
  ].join('\n\n'),
  headers: toOpenApiSchema(EasyPostHeadersSchema, 'input'),
  // Only a tracker event's `result` is read as a Tracker; any other event is taken (and ignored) whatever its result.
  body: {
    ...toOpenApiSchema(EasyPostEventSchema, 'input'),
    anyOf: [
      {
        properties: {
          description: { enum: TRACKER_EVENTS },
          result: toOpenApiSchema(EasyPostTrackerSchema.loose(), 'input'),
        },
      },
      { properties: { description: { not: { enum: TRACKER_EVENTS } } } },
    ],
    description:
      'An EasyPost Event; its `result` is a Tracker when `description` is `tracker.created` or `tracker.updated` (only the fields shown are read), anything otherwise',
  },
  security: [],
  response: {
    200: { ...toOpenApiSchema(EasyPostReceiptSchema), description: 'Taken in (or ignored)' },
    ...errorResponses(400, 401),
  },
};
