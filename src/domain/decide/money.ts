import type { Policy, Then } from '../policy/policy.schema.ts';

/** The restocking fee on what a line refunds: a percentage, given outright or as a marked shop setting. */
export function restockingFee(fee: Then['restockingFee'], refundable: number, policy: Policy): number {
  if (!fee || refundable === 0) return 0;
  const percent = 'percent' in fee ? fee.percent : (policy.settings[fee.setting]?.value ?? 0);
  return Math.round((refundable * percent) / 100);
}
