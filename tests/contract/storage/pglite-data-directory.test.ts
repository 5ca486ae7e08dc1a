/** Local mode keeps its data in files: the directory is made on first start and read on the next. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMigrations, migrate } from '../../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../../bot/src/adapters/storage/pglite-database';
import { createSqlStorage } from '../../../bot/src/adapters/storage/sql-storage';

describe('PGlite with a data directory', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'arbetsrum-pglite-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates a missing directory and keeps data and migrations across restarts', async () => {
    const dataDir = path.join(root, 'nested', 'data');
    expect(existsSync(dataDir)).toBe(false);

    const firstDb = await openPgliteDatabase(dataDir);
    const first = createSqlStorage(firstDb);
    try {
      expect(existsSync(dataDir)).toBe(true);
      expect(await migrate(firstDb)).toEqual(loadMigrations().map((m) => m.name));
      await first.repositories.tenants.save({ id: 'tenant-1', name: 'Trollhättans Stad' });
    } finally {
      await first.close();
    }

    const db = await openPgliteDatabase(dataDir);
    try {
      expect(await migrate(db)).toEqual([]);
      expect(await createSqlStorage(db).repositories.tenants.find('tenant-1')).toEqual({
        id: 'tenant-1',
        name: 'Trollhättans Stad',
      });
    } finally {
      await db.close();
    }
  });
});
