import { loadBundledPolicies } from '../policies/load-policy-file.ts';
import type { ServiceContext } from '../services/service-context.ts';
import type { SyncedShop } from '../services/sync-bundled-policies.ts';
import { readWorkedScenarios } from './read-worked-scenarios.ts';
import { type SeedDemoResult, seedDemo } from './seed-demo.ts';

/**
 * Seeds the demo when `loupe serve` starts on a fresh embedded database: the
 * bundled shops were all just added (nothing was there before) and the
 * database is PGlite, not a shop's PostgreSQL. `LOUPE_DEMO=off` skips it.
 * Answers what it seeded, or `undefined` when it left the database alone.
 */
export async function seedDemoOnFirstStart(
  ctx: ServiceContext,
  start: { embedded: boolean; synced: readonly SyncedShop[] },
): Promise<SeedDemoResult | undefined> {
  const fresh = start.synced.length > 0 && start.synced.every((s) => s.shopAdded);
  if (!start.embedded || !fresh || process.env.LOUPE_DEMO === 'off') return undefined;
  const policies = loadBundledPolicies();
  return seedDemo(ctx, {
    reference: ctx.now(),
    policies: policies.values(),
    worked: readWorkedScenarios(policies.keys()),
  });
}

/** One line for people: `5 shops, 122 demo orders, 21 open cases`. */
export function describeDemo(result: SeedDemoResult): string {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  return `${plural(result.shops, 'shop')}, ${plural(result.orders, 'demo order')}, ${plural(result.cases, 'open case')}`;
}
