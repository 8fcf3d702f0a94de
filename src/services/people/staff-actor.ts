import type { StaffAccountRow } from '../../storage/repositories/staff-accounts.ts';
import type { StaffActor } from '../assert-access.ts';

/** The actor a staff account acts as: its role, its shop or every shop (`*`), its name in the audit trail. */
export function staffActor(account: Pick<StaffAccountRow, 'role' | 'shopId' | 'name'>): StaffActor {
  return { role: account.role, shopId: account.shopId ?? '*', name: account.name };
}
