/**
 * Applies the plain SQL files in `migrations/` in name order (001_…, 002_…), each in its own
 * transaction, and records them in `schema_migrations`. Running it again applies only new files.
 *
 * Two processes starting at once (two app instances, or the app and a job runner) must not both
 * apply a file: every migration transaction first takes a transaction-scoped advisory lock keyed
 * by the current schema, then looks at `schema_migrations` again. The second process waits,
 * finds the file recorded, and skips it. The lock ends with the transaction, so nothing can leak.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SqlDatabase } from './sql-database';

/**
 * Where the .sql files are. From TypeScript source (jest, tsx) they sit next to this file. tsc
 * does not copy them into `dist/`, so compiled code (dist/bot/src/adapters/storage) falls back to
 * the same folder in the source tree, five levels up from there.
 */
export const MIGRATION_DIRECTORIES: readonly string[] = [
  path.resolve(__dirname, 'migrations'),
  path.resolve(__dirname, '../../../../../bot/src/adapters/storage/migrations'),
];

export interface Migration {
  name: string;
  sql: string;
}

export function findMigrationDirectory(candidates: readonly string[] = MIGRATION_DIRECTORIES): string {
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`No migrations directory found; looked in ${candidates.join(', ')}`);
  return found;
}

export function loadMigrations(directory: string = findMigrationDirectory()): Migration[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({ name: file, sql: readFileSync(path.join(directory, file), 'utf8') }));
}

const LOCK = "SELECT pg_advisory_xact_lock(hashtext('arbetsrum.migrate:' || current_schema()))";
const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Applies the migrations not yet recorded; returns the names it applied (empty when up to date). */
export async function migrate(db: SqlDatabase, migrations: Migration[] = loadMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      await tx.query(CREATE_LEDGER);
      const done = await tx.query<{ name: string }>('SELECT name FROM schema_migrations WHERE name = $1', [migration.name]);
      if (done.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
