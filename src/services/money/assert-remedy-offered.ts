import { DomainError } from '../../domain/errors.ts';
import type { MoneyCase } from '../../storage/repositories/money-cases.ts';

/**
 * Money goes back only in a form the decision offers: a store-credit-only shop
 * ("for store credit only") never refunds to the card. A case with no stored
 * decision has no money row either, and is refused by the refund cap.
 */
export function assertRemedyOffered(found: MoneyCase, accepted: readonly string[], field = 'amountCents'): void {
  if (!found.resolutions) return;
  if (found.resolutions.some((r) => accepted.includes(r))) return;
  const offered = found.resolutions.length ? found.resolutions.join(', ') : 'nothing';
  throw new DomainError(
    'REMEDY_NOT_OFFERED',
    `the decision offers ${offered}, not ${accepted[0]}: use one of the remedies offered`,
    [{ code: 'remedy_not_offered', path: [field], message: `offered: ${offered}` }],
  );
}
