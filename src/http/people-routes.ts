import type { FastifyInstance } from 'fastify';
import { type DeskDeps, STAFF_OR_CUSTOMER } from './auth.ts';
import { errorResponses } from './http-errors.ts';
import { currentSessionRoute } from './routes/sessions/current-session.ts';
import { exchangeSignInLinkRoute } from './routes/sessions/exchange-sign-in-link.ts';
import { openCustomerSessionRoute } from './routes/sessions/open-customer-session.ts';
import { sendSignInLinkRoute } from './routes/sessions/send-sign-in-link.ts';
import { signInStaffRoute } from './routes/sessions/sign-in-staff.ts';
import { createStaffAccountRoute } from './routes/staff/create-staff-account.ts';

/** The OpenAPI tag of the sign-in and staff routes. */
export const PEOPLE_TAG = { name: 'people', description: 'Signing in and out, sessions, staff accounts' };

/**
 * Registers sign-in (staff by password, customers by order or by a mailed
 * link), the current session, and staff accounts; and reads every request's
 * session cookie once, before its route (docs/decisions/014). Without deps the
 * routes are documented but answer 500. `publicUrl`: where sign-in links point.
 */
export function registerPeopleRoutes(app: FastifyInstance, deps: DeskDeps | undefined, publicUrl: string): void {
  if (deps) app.addHook('onRequest', (request) => deps.auth.readSession(request));
  // A route that takes the customer's orderNumber and email counts failed look-ups (auth.identify): it may answer 429.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { security?: unknown; response?: Record<number, unknown> } | undefined;
    if (schema?.security === STAFF_OR_CUSTOMER) schema.response = { ...schema.response, ...errorResponses(429) };
  });
  for (const route of [
    signInStaffRoute,
    openCustomerSessionRoute,
    sendSignInLinkRoute,
    exchangeSignInLinkRoute,
    currentSessionRoute,
  ])
    app.register(route, { deps, publicUrl });
  app.register(createStaffAccountRoute, { deps });
}
