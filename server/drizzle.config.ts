import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; start-up applies them with
// drizzle-orm's migrator for the driver in use (PGlite or node-postgres).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
});
