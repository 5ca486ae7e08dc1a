/**
 * Run by the global setup (global-setup.cjs) as `node --import tsx <this> <empty.tar> <out.tar>`:
 * loads the dumped empty cluster, applies every migration with the service's own migrate(), and
 * dumps the result. Tests that need a migrated database or a service's data folder start from it
 * (tests/support/database.ts, data-dir.ts); migrate() then finds nothing to do, as on a restart.
 * The migrations themselves still run from scratch in contract/storage/migrations.test.ts and on
 * PostgreSQL.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';

async function main(): Promise<void> {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) throw new Error('usage: pglite-migrated-template.ts <empty.tar> <out.tar>');
  const db = await openPgliteDatabase(undefined, { from: new Blob([readFileSync(from)]) });
  try {
    await migrate(db);
    const dump = await (db.pglite as { dumpDataDir(compression: 'none'): Promise<Blob> }).dumpDataDir('none');
    const partial = `${to}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, to);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
