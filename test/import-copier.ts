import { expect } from 'vitest';
import type { Database, LoupeDatabase } from '../src/storage/database.ts';
import { type ImportCopier, openImportCopier } from '../src/storage/repositories/imported-orders-copy.ts';

/**
 * Runs `work` with the import's COPY path on PostgreSQL, closing it after.
 * On PGlite, which stores batches through multi-row statements instead,
 * checks that there is no COPY path, and does not run `work`.
 */
export async function withImportCopier(
  db: LoupeDatabase,
  kind: Database['kind'],
  work: (copier: ImportCopier) => Promise<void>,
): Promise<void> {
  const copier = await openImportCopier(db);
  if (kind === 'pglite') {
    expect(copier).toBeUndefined();
    return;
  }
  if (!copier) throw new Error('PostgreSQL stores imported batches through COPY');
  try {
    await work(copier);
  } finally {
    await copier.close();
  }
}
