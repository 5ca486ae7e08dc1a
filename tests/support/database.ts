/**
 * Databases for contract tests. PGlite (in memory) always; PostgreSQL too when
 * TEST_DATABASE_URL is set (CI sets it). Each PostgreSQL `open()` gets a schema of its own,
 * created here and dropped on close, so parallel jest workers never see each other's tables.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { openPostgresDatabase } from '../../bot/src/adapters/storage/postgres-database';
import type { SqlDatabase } from '../../bot/src/adapters/storage/sql-database';
import { createSqlStorage, type SqlStorage } from '../../bot/src/adapters/storage/sql-storage';

export interface DatabaseTarget {
  name: 'PGlite' | 'PostgreSQL';
  open(): Promise<SqlDatabase>;
}

const templates = new Map<string, Blob>();
function dumped(variable: string): { from?: Blob } {
  const file = process.env[variable];
  if (!file) return {};
  let blob = templates.get(file);
  if (!blob) templates.set(file, (blob = new Blob([readFileSync(file)])));
  return { from: blob };
}

/** The empty cluster the global setup dumped: loading it is faster than a new one (global-setup.cjs). */
export const pgliteTemplate = (): { from?: Blob } => dumped('ARBETSRUM_TEST_PGLITE_TEMPLATE');

/** The same with every migration applied: migrate() then has nothing left to do. */
export const pgliteMigratedTemplate = (): { from?: Blob } => dumped('ARBETSRUM_TEST_PGLITE_MIGRATED');

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'PGlite', open: () => openPgliteDatabase(undefined, pgliteTemplate()) }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) targets.push({ name: 'PostgreSQL', open: () => openIsolatedPostgres(url) });
  return targets;
}

/** The connection string with `search_path` pinned to `schema` for every pooled connection. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** One statement on PostgreSQL outside any test's schema (creating and dropping schemas). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  await withAdmin(url, (client) => client.query(sql));
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function openIsolatedPostgres(url: string): Promise<SqlDatabase> {
  // Made only of [a-z0-9_], so it is safe to put in DDL (identifiers cannot be parameters).
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(url, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const db = openPostgresDatabase(withSearchPath(url, schema));
  return {
    ...db,
    close: async () => {
      await db.close();
      await withAdmin(url, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

export interface MigratedStorage {
  db: SqlDatabase;
  storage: SqlStorage;
}

/** A fresh database of `target` with every migration applied, and the storage on it. */
export async function openMigratedStorage(target: DatabaseTarget): Promise<MigratedStorage> {
  // PGlite starts from the migrated dump; migrate() still checks that nothing is missing.
  const db = target.name === 'PGlite' ? await openPgliteDatabase(undefined, pgliteMigratedTemplate()) : await target.open();
  await migrate(db);
  return { db, storage: createSqlStorage(db) };
}
