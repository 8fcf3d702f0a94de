import type { FastifyPluginAsync } from 'fastify';
import type { DeskRouteOptions } from '../../auth.ts';
import { listCustomerOrdersRoute } from './list-customer-orders.ts';
import { listIssuedMoneyRoute } from './list-issued-money.ts';
import { orderOptionsRoute } from './order-options.ts';
import { previewRequestRoute } from './preview-request.ts';

/** The routes the customer portal added (issue 5): options and preview of a request, issued money, a customer's orders. */
export const PORTAL_ROUTES: FastifyPluginAsync<DeskRouteOptions>[] = [
  orderOptionsRoute,
  previewRequestRoute,
  listIssuedMoneyRoute,
  listCustomerOrdersRoute,
];
