import type { LoupeDatabase } from '../database.ts';
import { auditLog } from '../schema/index.ts';

/** One money movement for the audit log: who, what, on which case, under which policy version, with what detail. */
export type MoneyAuditEntry = {
  shopId: string;
  caseId: string | null;
  actor: string;
  action: string;
  policyVersionId: string | null;
  detail: Record<string, unknown>;
  at: Date;
};

/** Appends a money movement to the audit log; money moves no case between states. */
export async function insertMoneyAudit(db: LoupeDatabase, entry: MoneyAuditEntry): Promise<void> {
  await db.insert(auditLog).values({ ...entry, fromState: null, toState: null });
}
