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
  brand: z
    .object({
      color: z.string().describe('the shop’s colour as #rrggbb; white text on it reads at ≥ 4.5:1'),
      inkColor: z.string().describe('the colour of text on the shop’s colour'),
      storefrontUrl: z.string().optional().describe('the shop’s online store, for re-order links'),
    })
    .optional()
    .describe('how the shop’s customer pages look, when its policy says'),
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
