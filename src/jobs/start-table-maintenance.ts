import type { LoupeDatabase } from '../storage/database.ts';
import { maintainTables } from '../storage/maintain-tables.ts';
import { type PollingLoop, startPollingLoop } from './start-polling-loop.ts';

/** A running maintenance loop: `stop` ends it and waits for the run in progress. */
export type TableMaintenance = PollingLoop;

export type TableMaintenanceOptions = {
  /** The pause between looks (default 10 s: a catalog query, and work only where a table grew by a tenth). */
  intervalMs?: number;
  onMaintained?: (tables: string[]) => void;
  onError?: (error: unknown) => void;
};

/**
 * Does autovacuum's job on an embedded database, which has none (see
 * `maintainTables`): looks every `intervalMs`, first at once, since a database
 * opened again may have grown in a run that ended before it looked.
 */
export function startTableMaintenance(db: LoupeDatabase, options: TableMaintenanceOptions = {}): TableMaintenance {
  return startPollingLoop(
    async () => {
      const tables = await maintainTables(db);
      if (tables.length > 0) options.onMaintained?.(tables);
    },
    options.intervalMs ?? 10_000,
    options.onError,
  );
}
