import type { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { readShopifyOrders, shopifyFormatOf } from '../../../integrations/shopify/read-shopify-orders.ts';
import { importShopifyOrders, type ShopifyImportSummary } from '../../../services/import-shopify-orders.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { parseInput } from '../../parse-input.ts';
import { ShopParamsSchema } from '../params.schema.ts';
import { importShopifyOrdersSchema, SHOPIFY_MEDIA_TYPES } from './import-shopify-orders.schema.ts';

/** POST /api/v1/shops/:id/imports/shopify: Shopify orders in bulk, streamed from the body, by staff. */
export const importShopifyOrdersRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  // The import reads the body as it arrives, so no parser buffers it (nor limits its size): in this
  // plugin's scope only, each media type hands the request stream over as the body.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(SHOPIFY_MEDIA_TYPES, (_request, payload, done) => done(null, payload));
  app.post(
    '/api/v1/shops/:id/imports/shopify',
    { schema: importShopifyOrdersSchema },
    async (request): Promise<ShopifyImportSummary> => {
      const { context: ctx, auth } = deskDeps(options);
      const { id } = parseInput(ShopParamsSchema, request.params);
      const actor = auth.requireStaff(request);
      const format = shopifyFormatOf(request.headers['content-type'] ?? '') ?? 'json';
      const body = (request.body as Readable | undefined) ?? [];
      return importShopifyOrders(ctx, actor, id, readShopifyOrders(body, format));
    },
  );
};
