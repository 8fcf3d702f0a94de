import { readWorkedScenarios } from '../../demo/read-worked-scenarios.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { describeDemo } from '../../demo/seed-demo-on-first-start.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadBundledPolicies } from '../../policies/load-policy-file.ts';
import { liveContext } from '../../services/service-context.ts';
import { syncBundledPolicies } from '../../services/sync-bundled-policies.ts';
import { type DatabaseOptions, openDatabase } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';

/** Options of `loupe demo seed`: the database (as `loupe db migrate`), the demo's "now" and its seed. */
export type DemoSeedOptions = Pick<DatabaseOptions, 'url' | 'dataDir'> & { reference?: string; seed?: string };

/**
 * `loupe demo seed`: migrates the database, brings the bundled shops in, and
 * adds the demo orders and cases (`seedDemo`); again, it adds nothing.
 */
export async function demoSeedCommand(
  options: DemoSeedOptions = {},
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const reference = options.reference === undefined ? new Date() : new Date(options.reference);
  if (Number.isNaN(reference.getTime())) {
    throw new DomainError('INVALID_INPUT', `--reference: "${options.reference}" is not an ISO 8601 instant`, [
      { code: 'invalid_input', path: ['reference'], message: 'an ISO 8601 instant, e.g. 2026-06-15T12:00:00Z' },
    ]);
  }
  const database = await openDatabase(options);
  try {
    const ctx = liveContext(database.db);
    await migrate(database.db);
    await syncBundledPolicies(ctx);
    const policies = loadBundledPolicies();
    const result = await seedDemo(ctx, {
      reference,
      seed: options.seed,
      policies: policies.values(),
      worked: readWorkedScenarios(policies.keys()),
    });
    out.write(`${database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} at ${database.location}\n`);
    out.write(`${describeDemo(result)} (added now: ${result.ordersAdded} orders, ${result.casesOpened} cases)\n`);
    return 0;
  } finally {
    await database.close();
  }
}
