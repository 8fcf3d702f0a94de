import type { Decision, Requirement } from '../domain/contract/decision.schema.ts';
import { formatInstant } from '../mail/format-instant.ts';

// What each requirement of a decision asks of the customer who sends goods back.
const ASKS: Partial<Record<Requirement, string>> = {
  original_packaging: 'Pack the item in its original packaging.',
  tags_attached: 'Leave the tags attached.',
  unworn: 'Send it back unworn.',
  tracking_number: 'Send it with tracking and give us the tracking number.',
  packing_slip: 'Include the packing slip.',
  proof_of_postage: 'Keep your proof of postage.',
  order_number_note: 'Include a note with your order number, name and address.',
};

/**
 * The return instructions sent with an authorization when staff write none:
 * the number to quote, where to send it, by when (on the shop's clock), who
 * pays the postage, and what the decision requires of the parcel.
 */
export function returnInstructions(
  decision: Decision | null,
  terms: { authorizationNumber: string; returnAddress?: string | undefined; shipBy?: string | undefined },
  clock: { timeZone: string; locale: string } = { timeZone: 'UTC', locale: 'en' },
): string {
  const lines = [`Your return is authorized: quote ${terms.authorizationNumber} on the parcel.`];
  if (terms.returnAddress) lines.push(`Send it to: ${terms.returnAddress}`);
  // The deadline ends on the shop's clock, so that is the clock it is written on, as in the mails.
  if (terms.shipBy) lines.push(`Ship it by ${formatInstant(new Date(terms.shipBy), clock.timeZone, clock.locale)}.`);
  if (decision?.returnShippingPaidBy === 'shop') lines.push('We pay the return shipping.');
  if (decision?.returnShippingPaidBy === 'customer') lines.push('The return shipping is at your cost.');
  for (const r of decision?.requirements ?? []) {
    const ask = ASKS[r];
    if (ask) lines.push(ask);
  }
  return lines.join('\n');
}
