import type { LoupeDatabase } from '../storage/database.ts';
import { maintainTables } from '../storage/maintain-tables.ts';

/** A running maintenance loop: `stop` ends it and waits for the run in progress. */
export type TableMaintenance = { stop(): Promise<void> };

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
  const intervalMs = options.intervalMs ?? 10_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = maintainTables(db).then(
      (tables) => {
        if (tables.length > 0) options.onMaintained?.(tables);
      },
      (error: unknown) => options.onError?.(error),
    );
    running.then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  timer = setTimeout(tick, 0).unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
