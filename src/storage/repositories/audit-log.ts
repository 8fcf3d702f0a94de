import { asc, eq } from 'drizzle-orm';
import type { LoupeDatabase } from '../database.ts';
import { auditLog, policyVersions } from '../schema/index.ts';

/** One audit entry to write: who did what to which case, from which state to which, under which policy version. */
export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id'>;

/** An audit entry as read back, with the name of its policy version. */
export type AuditRecord = typeof auditLog.$inferSelect & { policyVersion: string | null };

/** Appends entries, in order. */
export async function appendAudit(db: LoupeDatabase, entries: AuditEntry[]): Promise<void> {
  if (entries.length > 0) await db.insert(auditLog).values(entries);
}

/** A case's audit trail, oldest first. */
export async function listAudit(db: LoupeDatabase, caseId: string): Promise<AuditRecord[]> {
  const rows = await db
    .select({ entry: auditLog, policyVersion: policyVersions.version })
    .from(auditLog)
    .leftJoin(policyVersions, eq(policyVersions.id, auditLog.policyVersionId))
    .where(eq(auditLog.caseId, caseId))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => ({ ...r.entry, policyVersion: r.policyVersion }));
}
