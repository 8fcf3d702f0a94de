import type { Actor, ServiceContext } from '../service-context.ts';
import { bookCaseCharge, type CaseChargeBooked, type CaseChargeInput } from './book-case-charge.ts';

/** Records a restocking fee the policy allows on a return: a `restocking_fee` entry, outside the refund cap. */
export function recordRestockingFee(
  ctx: ServiceContext,
  actor: Actor,
  input: CaseChargeInput,
): Promise<CaseChargeBooked> {
  return bookCaseCharge(ctx, actor, 'restocking_fee', input);
}
