/** Both engines behind SqlDatabase must hand repositories the same values and transactions. */
import { migrate } from '../../../bot/src/adapters/storage/migrate';
import { SqlError, type SqlDatabase } from '../../../bot/src/adapters/storage/sql-database';
import { databaseTargets } from '../../support/database';

describe.each(databaseTargets())('SqlDatabase on $name', (target) => {
  let db: SqlDatabase;
  beforeAll(async () => {
    db = await target.open();
    await migrate(db);
    await db.exec('CREATE TABLE probe (id integer PRIMARY KEY, at timestamptz, day date, doc jsonb)');
  });
  afterAll(() => db.close());

  it('round-trips timestamptz as a Date with millisecond precision', async () => {
    const at = new Date('2026-03-29T00:59:59.123Z'); // just before the Swedish DST change
    await db.query('INSERT INTO probe (id, at) VALUES ($1, $2)', [1, at]);
    const [row] = await db.query<{ at: Date }>('SELECT at FROM probe WHERE id = $1', [1]);
    expect(row?.at).toBeInstanceOf(Date);
    expect(row?.at.toISOString()).toBe('2026-03-29T00:59:59.123Z');
  });

  it('returns count(*) and other int8 as numbers, dates as YYYY-MM-DD', async () => {
    await db.query('INSERT INTO probe (id, day) VALUES ($1, $2)', [2, '2026-03-05']);
    const [row] = await db.query<{ n: unknown; day: unknown; big: unknown }>(
      'SELECT count(*) AS n, (SELECT day FROM probe WHERE id = 2) AS day, 9007199254740993::int8 AS big FROM probe',
    );
    expect(row?.n).toBe(2);
    expect(row?.day).toBe('2026-03-05');
    expect(row?.big).toBe(9007199254740993n);
  });

  it('stores JSON passed as a string and returns it parsed, arrays included', async () => {
    const doc = { items: [1, 'två', { tre: true }], empty: [] };
    await db.query('INSERT INTO probe (id, doc) VALUES ($1, $2::jsonb)', [3, JSON.stringify(doc)]);
    await db.query('INSERT INTO probe (id, doc) VALUES ($1, $2::jsonb)', [4, JSON.stringify(['a', 'b'])]);
    const rows = await db.query<{ doc: unknown }>('SELECT doc FROM probe WHERE id IN (3, 4) ORDER BY id');
    expect(rows.map((r) => r.doc)).toEqual([doc, ['a', 'b']]);
  });

  it('passes JS arrays as PostgreSQL arrays', async () => {
    const rows = await db.query<{ id: number }>('SELECT id FROM probe WHERE id = ANY($1::int[]) ORDER BY id', [[1, 3]]);
    expect(rows.map((r) => r.id)).toEqual([1, 3]);
  });

  it('commits a transaction, and a nested transaction call joins the outer one', async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO probe (id) VALUES ($1)', [10]);
      await tx.transaction((inner) => inner.query('INSERT INTO probe (id) VALUES ($1)', [11]));
      return 'done';
    });
    expect(result).toBe('done');
    const rows = await db.query<{ id: number }>('SELECT id FROM probe WHERE id IN (10, 11) ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([10, 11]);
  });

  it('rolls everything back, nested work included, when the work throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO probe (id) VALUES ($1)', [20]);
        await tx.transaction((inner) => inner.query('INSERT INTO probe (id) VALUES ($1)', [21]));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const rows = await db.query('SELECT id FROM probe WHERE id IN (20, 21)');
    expect(rows).toEqual([]);
  });

  it('stays usable after a failed statement rolled a transaction back', async () => {
    const failed = db.transaction((tx) => tx.query('INSERT INTO probe (id) VALUES ($1), ($1)', [30]));
    await expect(failed).rejects.toBeInstanceOf(SqlError);
    await expect(failed).rejects.toMatchObject({ code: '23505', constraint: 'probe_pkey' });
    await db.ping();
    expect(await db.query('SELECT id FROM probe WHERE id = 30')).toEqual([]);
  });
});
