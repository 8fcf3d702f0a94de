import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../../domain/errors.ts';
import { listCustomerOrders } from '../../../services/portal/list-customer-orders.ts';
import { type DeskRouteOptions, deskDeps } from '../../auth.ts';
import { listCustomerOrdersSchema } from './list-customer-orders.schema.ts';

/** GET /api/v1/sessions/current/orders: the orders of the signed-in customer. */
export const listCustomerOrdersRoute: FastifyPluginAsync<DeskRouteOptions> = async (app, options) => {
  app.get('/api/v1/sessions/current/orders', { schema: listCustomerOrdersSchema }, async (request) => {
    const { context: ctx, auth } = deskDeps(options);
    // A customer's session first: auth.staff refuses one.
    const signedIn = auth.session(request)?.actor;
    const actor = signedIn?.role === 'customer' ? signedIn : auth.staff(request);
    if (!actor) {
      const message = 'not signed in: find your order or use the link we emailed you';
      throw new DomainError('UNAUTHORIZED', message, [{ code: 'unauthorized', path: ['cookie'], message }]);
    }
    return listCustomerOrders(ctx, actor);
  });
};
