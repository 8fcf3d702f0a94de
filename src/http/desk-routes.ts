import type { FastifyInstance } from 'fastify';
import type { DeskDeps } from './auth.ts';
import { getAttachmentRoute } from './routes/cases/get-attachment.ts';
import { getCaseRoute } from './routes/cases/get-case.ts';
import { getReturnSlipRoute } from './routes/cases/get-return-slip.ts';
import { listMessagesRoute } from './routes/cases/list-messages.ts';
import { openCaseRoute } from './routes/cases/open-case.ts';
import { postMessageRoute } from './routes/cases/post-message.ts';
import { takeCaseActionRoute } from './routes/cases/take-case-action.ts';
import { getShopHelpRoute } from './routes/help/get-shop-help.ts';
import { listInboxRoute } from './routes/inbox/list-inbox.ts';
import { listMailboxRoute } from './routes/mailbox/list-mailbox.ts';
import { estimateOrderDeliveryRoute } from './routes/orders/estimate-order-delivery.ts';
import { getOrderRoute } from './routes/orders/get-order.ts';
import { importOrderRoute } from './routes/orders/import-order.ts';
import { importShopifyOrdersRoute } from './routes/orders/import-shopify-orders.ts';
import { PORTAL_ROUTES } from './routes/portal/portal-routes.ts';
import { getPolicyVersionRoute } from './routes/shops/get-policy-version.ts';
import { listPolicyVersionsRoute } from './routes/shops/list-policy-versions.ts';
import { previewPolicyDraftRoute } from './routes/shops/preview-policy-draft.ts';
import { publishPolicyVersionRoute } from './routes/shops/publish-policy-version.ts';
import { renderPolicyDraftRoute } from './routes/shops/render-policy-draft.ts';
import { getShopStatsRoute } from './routes/stats/get-shop-stats.ts';
import { receiveEasyPostEventRoute } from './routes/webhooks/receive-easypost-event.ts';
import { receiveShopifyOrderRoute } from './routes/webhooks/receive-shopify-order.ts';

/**
 * Registers the desk's routes (issue 3): shops' policy versions, orders,
 * cases and their lifecycle, messages, the inbox. Without deps (a server with
 * no database) they are documented but answer 500.
 */
export function registerDeskRoutes(app: FastifyInstance, deps: DeskDeps | undefined): void {
  for (const route of [
    listPolicyVersionsRoute,
    getPolicyVersionRoute,
    publishPolicyVersionRoute,
    previewPolicyDraftRoute,
    renderPolicyDraftRoute,
    importOrderRoute,
    importShopifyOrdersRoute,
    getOrderRoute,
    estimateOrderDeliveryRoute,
    openCaseRoute,
    getCaseRoute,
    takeCaseActionRoute,
    postMessageRoute,
    listMessagesRoute,
    getAttachmentRoute,
    listInboxRoute,
    getShopStatsRoute,
    listMailboxRoute,
    receiveEasyPostEventRoute,
    receiveShopifyOrderRoute,
    getReturnSlipRoute,
    getShopHelpRoute,
    ...PORTAL_ROUTES,
  ])
    app.register(route, { deps });
}
