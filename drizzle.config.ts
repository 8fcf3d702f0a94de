import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes a migration to drizzle/ from the tables in
// src/storage/schema; the same SQL runs on PGlite and on PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/storage/schema/index.ts',
  out: './drizzle',
  strict: true,
});
