import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { StaffActor } from '../services/assert-access.ts';
import { type CustomerTarget, identifyCustomer } from '../services/identify-customer.ts';
import type { Actor, ServiceContext } from '../services/service-context.ts';

/**
 * A staff member's token until sign-in exists (the issue on people and mail):
 * the role it carries and the shop it serves (`*`: every shop).
 */
export type StaffToken = { token: string; role: 'agent' | 'owner'; shopId: string; name: string };

/** The fields a customer identifies with, in a body or a query: the order number and the order's email. */
export const CustomerFieldsSchema = z.object({
  orderNumber: z.string().min(1).optional().describe('customers: the number of their order'),
  email: z.string().min(1).optional().describe('customers: the email the order was placed with'),
});
export type CustomerFields = z.infer<typeof CustomerFieldsSchema>;

/** The OpenAPI security of a route staff and customers both use: a staff token, or none (the customer's fields). */
export const STAFF_OR_CUSTOMER: Record<string, string[]>[] = [{ staffToken: [] }, {}];
/** The OpenAPI security of a staff-only route. */
export const STAFF_ONLY: Record<string, string[]>[] = [{ staffToken: [] }];

/** Tells who is calling: staff by their bearer token, customers by their order number and email. */
export type Auth = {
  /** The staff member named by the `Authorization: Bearer` header; undefined without the header. */
  staff(request: FastifyRequest): StaffActor | undefined;
  /** The caller of a route staff and customers both use; UNAUTHORIZED when neither identifies. */
  identify(request: FastifyRequest, target: CustomerTarget, fields: CustomerFields): Promise<Actor>;
  /** The caller of a staff-only route; UNAUTHORIZED without a token. */
  requireStaff(request: FastifyRequest): StaffActor;
};

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

const unauthorized = (message: string) =>
  new DomainError('UNAUTHORIZED', message, [{ code: 'unauthorized', path: ['authorization'], message }]);

/**
 * The server's authentication: staff tokens are compared by their SHA-256
 * (a look-up that does not leak a token's characters through timing).
 */
export function createAuth(ctx: ServiceContext, tokens: readonly StaffToken[]): Auth {
  const byHash = new Map(
    tokens.map((t): [string, StaffActor] => [hash(t.token), { role: t.role, shopId: t.shopId, name: t.name }]),
  );
  const staff = (request: FastifyRequest): StaffActor | undefined => {
    const header = request.headers.authorization;
    if (header === undefined) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const actor = match?.[1] ? byHash.get(hash(match[1])) : undefined;
    if (!actor) throw unauthorized('the bearer token is not one this server knows');
    return actor;
  };
  return {
    staff,
    requireStaff(request) {
      const actor = staff(request);
      if (!actor) throw unauthorized('staff only: send Authorization: Bearer <token>');
      return actor;
    },
    async identify(request, target, fields) {
      const actor = staff(request);
      if (actor) return actor;
      if (!fields.orderNumber || !fields.email) {
        throw unauthorized('send Authorization: Bearer <token> (staff), or orderNumber and email (customers)');
      }
      return identifyCustomer(ctx, target, { orderNumber: fields.orderNumber, email: fields.email });
    },
  };
}

/** What the desk's routes need: the services' context (database, clock, ids) and the server's authentication. */
export type DeskDeps = { context: ServiceContext; auth: Auth };

/** Options of each desk route plugin: the deps, absent on a server built without a database. */
export type DeskRouteOptions = { deps: DeskDeps | undefined };

/**
 * The deps, or a fault of the server's set-up (500): a server built without a
 * database still documents the desk's routes but cannot serve them.
 */
export function deskDeps({ deps }: DeskRouteOptions): DeskDeps {
  if (!deps) throw new Error('the desk routes were registered without a database');
  return deps;
}
