import { randomUUID } from 'node:crypto';
import type { LoupeDatabase } from '../storage/database.ts';

/**
 * Who is acting: a customer of some orders of one shop (the order they
 * identified with, or every order of their email after a sign-in link), a
 * shop's agent or owner, or Loupe itself (jobs, webhooks).
 */
export type Actor =
  | { role: 'customer'; shopId: string; orderIds: readonly string[]; email: string }
  | { role: 'agent' | 'owner'; shopId: string | '*'; name: string }
  | { role: 'system'; name: string };

/**
 * What every use case receives: the database, and time and ids as functions, so
 * tests drive the clock and services stay deterministic (STYLE.md: no clock in
 * the core; services take `now` from here, never from `new Date()`).
 */
export type ServiceContext = {
  db: LoupeDatabase;
  now: () => Date;
  newId: () => string;
};

/** The context a running server uses: the real clock and random UUIDs. */
export function liveContext(db: LoupeDatabase): ServiceContext {
  return { db, now: () => new Date(), newId: () => randomUUID() };
}

/** Loupe itself, for what it does on its own: deciding a new case, expiring a return nobody sent. */
export const LOUPE: Actor = { role: 'system', name: 'loupe' };

/** How the audit log names an actor: `owner:dev`, `agent:sam`, `customer:ana@example.com`, `system:loupe`. */
export function describeActor(actor: Actor): string {
  return actor.role === 'customer' ? `customer:${actor.email}` : `${actor.role}:${actor.name}`;
}
