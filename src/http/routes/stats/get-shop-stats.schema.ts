import { z } from 'zod';
import { RESOLUTION_BUCKETS } from '../../../services/stats/read-shop-stats.ts';
import { STAFF_ONLY } from '../../auth.ts';
import { errorResponses } from '../../http-errors.ts';
import { toOpenApiSchema } from '../../openapi-schema.ts';
import { ShopParamsSchema } from '../params.schema.ts';

export const ShopStatsQuerySchema = z.strictObject({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(730)
    .default(90)
    .describe('the period: cases opened in the last so many days'),
});

const Count = z.number().int().min(0);

/** A shop's case figures over a period. */
export const ShopStatsSchema = z.object({
  shop: z.string(),
  timeZone: z.string().describe('the shop’s time zone, whose calendar the weeks follow'),
  from: z.string(),
  to: z.string(),
  opened: Count,
  volume: z.array(z.object({ week: z.string().describe('the Monday the week starts'), opened: Count })),
  reasons: z.array(z.object({ reason: z.string().describe('the request’s reason, else its type'), count: Count })),
  outcomes: z.array(
    z.object({ outcome: z.string().describe('the outcome in force; none before a decision'), count: Count }),
  ),
  resolution: z.object({
    resolved: Count,
    medianHours: z.number().nullable(),
    averageHours: z.number().nullable(),
    buckets: z.array(z.object({ bucket: z.enum(RESOLUTION_BUCKETS), count: Count })),
  }),
});

/** Docs of GET /api/v1/shops/:id/stats. */
export const getShopStatsSchema = {
  operationId: 'getShopStats',
  tags: ['inbox'],
  summary: 'A shop’s case figures: volume, reasons, outcomes, time to resolution',
  description:
    'For the cases opened in the last `days` days (default 90): how many per week (on the shop’s calendar), why customers asked, the outcomes in force, and how long resolved cases took from opening to resolution (median, average, and in buckets). Computed by the database. Roles: agent, owner.',
  params: toOpenApiSchema(ShopParamsSchema),
  querystring: toOpenApiSchema(ShopStatsQuerySchema, 'input'),
  security: STAFF_ONLY,
  response: {
    200: { ...toOpenApiSchema(ShopStatsSchema), description: 'The figures' },
    ...errorResponses(400, 401, 403, 404),
  },
};
