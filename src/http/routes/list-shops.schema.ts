import { z } from 'zod';
import { toOpenApiSchema } from '../openapi-schema.ts';

/** What a client needs to know of a shop to address it. */
export const ShopSummarySchema = z.object({
  id: z.string().describe('the shop id a case names in `shop`'),
  name: z.string(),
  version: z.string().describe('version of the shop’s policy'),
  country: z.string(),
  timeZone: z.string(),
  currency: z.string(),
});
export type ShopSummary = z.infer<typeof ShopSummarySchema>;

/** Docs of GET /api/v1/shops. */
export const listShopsSchema = {
  operationId: 'listShops',
  tags: ['shops'],
  summary: 'List the shops with a loaded policy',
  description: 'Every shop whose policy this server decides with, by id.',
  response: {
    200: { ...toOpenApiSchema(z.array(ShopSummarySchema)), description: 'The shops, by id' },
  },
};
