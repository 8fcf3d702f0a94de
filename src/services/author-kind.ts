import type { AuthorKind } from '../storage/schema/messages.ts';
import type { Actor } from './service-context.ts';

/** Who a message is from, as the conversation shows it: the customer, the shop's staff, or Loupe. */
export function authorKindOf(actor: Actor): AuthorKind {
  return actor.role === 'customer' ? 'customer' : actor.role === 'system' ? 'system' : 'agent';
}

/** The name a message is signed with: the customer's email, or the staff member's or job's name. */
export function authorNameOf(actor: Actor): string {
  return actor.role === 'customer' ? actor.email : actor.name;
}
