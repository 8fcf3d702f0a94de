import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Policy } from '../../domain/policy/policy.schema.ts';
import type { LoupeDatabase } from '../database.ts';
import { policyVersions } from '../schema/index.ts';

/** A stored version of a shop's policy. */
export type PolicyVersionRow = typeof policyVersions.$inferSelect;

/** A version without its text and data, for lists. */
export type PolicyVersionSummary = Pick<PolicyVersionRow, 'id' | 'shopId' | 'version' | 'effectiveFrom' | 'createdAt'>;

const summary = {
  id: policyVersions.id,
  shopId: policyVersions.shopId,
  version: policyVersions.version,
  effectiveFrom: policyVersions.effectiveFrom,
  createdAt: policyVersions.createdAt,
};

// Versions never change once stored, so the parsed policy of each is kept and
// reused: the engine compiles a policy object once (a WeakMap in compile-policy).
const parsed = new Map<string, Policy>();
const rows = new Map<string, PolicyVersionRow>();

/** The row with its policy object shared between reads of the same version. */
function shared(row: PolicyVersionRow): PolicyVersionRow {
  const hit = parsed.get(row.id);
  if (hit) return { ...row, policy: hit };
  parsed.set(row.id, row.policy);
  return row;
}

/** Stores a new version. */
export async function insertPolicyVersion(db: LoupeDatabase, row: PolicyVersionRow): Promise<void> {
  await db.insert(policyVersions).values(row);
}

/**
 * Stores a version unless the shop has one of that name already (two servers
 * syncing the bundled files at once store it once); answers whether it did.
 */
export async function insertPolicyVersionIfNew(db: LoupeDatabase, row: PolicyVersionRow): Promise<boolean> {
  const added = await db.insert(policyVersions).values(row).onConflictDoNothing().returning({ id: policyVersions.id });
  return added.length > 0;
}

/** The version with this id. */
export async function findPolicyVersion(db: LoupeDatabase, id: string): Promise<PolicyVersionRow | undefined> {
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.id, id));
  return row && shared(row);
}

/** A shop's version by its name (`2026-11-01`). */
export async function findPolicyVersionByName(
  db: LoupeDatabase,
  shopId: string,
  version: string,
): Promise<PolicyVersionSummary | undefined> {
  const [row] = await db
    .select(summary)
    .from(policyVersions)
    .where(and(eq(policyVersions.shopId, shopId), eq(policyVersions.version, version)));
  return row;
}

/**
 * The version in force at an instant: the latest that took effect at or
 * before it; for an instant before any version, the earliest (an order placed
 * before Loupe knew the shop is decided under the first policy it had).
 */
export async function policyVersionInForce(
  db: LoupeDatabase,
  shopId: string,
  at: Date,
): Promise<PolicyVersionRow | undefined> {
  // Which version is a small read; its policy and source text are read only the
  // first time, since versions never change (a policy is tens of kilobytes of JSON).
  const head = { id: policyVersions.id, effectiveFrom: policyVersions.effectiveFrom };
  const [inForce] = await db
    .select(head)
    .from(policyVersions)
    .where(and(eq(policyVersions.shopId, shopId), lte(policyVersions.effectiveFrom, at)))
    .orderBy(desc(policyVersions.effectiveFrom))
    .limit(1);
  const [chosen] = inForce
    ? [inForce]
    : await db
        .select(head)
        .from(policyVersions)
        .where(eq(policyVersions.shopId, shopId))
        .orderBy(asc(policyVersions.effectiveFrom))
        .limit(1);
  if (!chosen) return undefined;
  return storedPolicyVersion(db, chosen.id);
}

/**
 * The version with this id, read from the database only the first time this
 * process asks for it: a stored version never changes, and its policy is tens
 * of kilobytes of JSON.
 */
export async function storedPolicyVersion(db: LoupeDatabase, id: string): Promise<PolicyVersionRow | undefined> {
  const known = rows.get(id);
  if (known) return known;
  const [row] = await db.select().from(policyVersions).where(eq(policyVersions.id, id));
  if (!row) return undefined;
  rows.set(row.id, row);
  return shared(row);
}

/** A shop's versions, the latest to take effect first. */
export function listPolicyVersions(db: LoupeDatabase, shopId: string): Promise<PolicyVersionSummary[]> {
  return db
    .select(summary)
    .from(policyVersions)
    .where(eq(policyVersions.shopId, shopId))
    .orderBy(desc(policyVersions.effectiveFrom));
}
