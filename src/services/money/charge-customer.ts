import type { Actor, ServiceContext } from '../service-context.ts';
import { bookCaseCharge, type CaseChargeBooked, type CaseChargeInput } from './book-case-charge.ts';

/** Charges the customer for what the shop's policy makes theirs to pay (repair materials, reshipping): a `charge` entry. */
export function chargeCustomer(ctx: ServiceContext, actor: Actor, input: CaseChargeInput): Promise<CaseChargeBooked> {
  return bookCaseCharge(ctx, actor, 'charge', input);
}
