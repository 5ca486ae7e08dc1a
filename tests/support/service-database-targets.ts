/**
 * Where a production-mode service under test keeps its data: a PGlite folder, or a schema of its
 * own on the PostgreSQL at TEST_DATABASE_URL (dropped afterwards, pg-boss's tables with it). The
 * test seeds through `open()` before the service starts and checks through it after it stops.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { openPostgresDatabase } from '../../bot/src/adapters/storage/postgres-database';
import type { SqlDatabase } from '../../bot/src/adapters/storage/sql-database';
import type { Config } from '../../bot/src/config';
import { withSearchPath } from './database';

export interface ServiceDatabaseTarget {
  name: 'PGlite' | 'PostgreSQL';
  open(): Promise<SqlDatabase>;
  config(base: Config): Config;
  cleanUp(): Promise<void>;
}

/** `dir`: a folder the test owns (and removes); without one, a temporary folder removed by cleanUp. */
export async function pgliteServiceTarget(prefix: string, dir?: string): Promise<ServiceDatabaseTarget> {
  const root = dir ?? (await mkdtemp(path.join(tmpdir(), `arbetsrum-${prefix}-`)));
  const dataDir = path.join(root, 'pglite');
  return {
    name: 'PGlite',
    open: () => openPgliteDatabase(dataDir),
    config: (base) => ({ ...base, database: { kind: 'pglite', dataDir } }),
    cleanUp: async () => (dir ? undefined : rm(root, { recursive: true, force: true })),
  };
}

/**
 * `jobsApart`: pg-boss in a schema of its own, for tests that compare the service's tables before
 * and after (pg-boss's change in the background).
 */
export async function postgresServiceTarget(
  url: string,
  prefix: string,
  options: { jobsApart?: boolean } = {},
): Promise<ServiceDatabaseTarget> {
  const schema = `test_${prefix}_${randomBytes(5).toString('hex')}`;
  const jobs = options.jobsApart ? `${schema}_jobs` : schema;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE SCHEMA ${schema}`);
  const schemaUrl = withSearchPath(url, schema);
  return {
    name: 'PostgreSQL',
    open: async () => openPostgresDatabase(schemaUrl),
    config: (base) => ({
      ...base,
      database: { kind: 'postgres', url: schemaUrl, auth: { kind: 'password' } },
      jobs: { ...base.jobs, schema: jobs },
    }),
    cleanUp: async () => {
      await admin(`DROP SCHEMA ${schema} CASCADE`);
      if (jobs !== schema) await admin(`DROP SCHEMA IF EXISTS ${jobs} CASCADE`);
    },
  };
}
