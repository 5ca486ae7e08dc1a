import { loadMigrations, migrate } from '../../../bot/src/adapters/storage/migrate';
import type { SqlDatabase } from '../../../bot/src/adapters/storage/sql-database';
import { databaseTargets } from '../../support/database';

const EXPECTED_TABLES = [
  'action_goal',
  'action_goal_choice',
  'action_item',
  'action_status_report',
  'agenda_item',
  'agenda_item_goal',
  'agenda_item_goal_choice',
  'attendance',
  'audit_event',
  'call_response',
  'competence_activity',
  'competence_activity_action',
  'competence_participation',
  'competence_suggestion',
  'competence_vote',
  'conversation_reference',
  'delivery',
  'goal',
  'meeting',
  'meeting_calendar',
  'membership',
  'minutes',
  'minutes_approval',
  'minutes_comment',
  'organisation',
  'person',
  'proposal',
  'proposal_goal',
  'publication',
  'publication_mail',
  're_report',
  'schema_migrations',
  'sub_group',
  'sub_group_member',
  'tenant',
  'timed_plan',
  'timed_run',
  'tip',
  'work_group',
];

async function tables(db: SqlDatabase): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

async function ledger(db: SqlDatabase): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
  return rows.map((row) => row.name);
}

describe.each(databaseTargets())('migrations on $name', (target) => {
  const names = loadMigrations().map((m) => m.name);

  it('finds the SQL files in name order, starting with 001_initial.sql', () => {
    expect(names[0]).toBe('001_initial.sql');
    expect([...names].sort()).toEqual(names);
  });

  describe('one process', () => {
    let db: SqlDatabase;
    beforeAll(async () => {
      db = await target.open();
    });
    afterAll(() => db.close());

    it('creates every table on a fresh database and records each file once', async () => {
      expect(await migrate(db)).toEqual(names);
      expect(await tables(db)).toEqual(EXPECTED_TABLES);
      expect(await ledger(db)).toEqual(names);
    });

    it('is idempotent: a second run applies nothing and changes nothing', async () => {
      const tablesBefore = await tables(db);
      expect(await migrate(db)).toEqual([]);
      expect(await tables(db)).toEqual(tablesBefore);
      const [{ count }] = (await db.query<{ count: number }>('SELECT count(*) AS count FROM schema_migrations')) as [{ count: number }];
      expect(count).toBe(names.length);
    });

    it('applies a new file later, and a failing file leaves no trace', async () => {
      const extra = { name: '999_extra.sql', sql: 'CREATE TABLE extra_probe (id integer PRIMARY KEY);' };
      expect(await migrate(db, [...loadMigrations(), extra])).toEqual(['999_extra.sql']);
      expect(await tables(db)).toContain('extra_probe');

      const broken = { name: '999_zz_broken.sql', sql: 'CREATE TABLE broken_probe (id integer); SELECT no_such_column;' };
      await expect(migrate(db, [broken])).rejects.toThrow(/no_such_column/);
      expect(await tables(db)).not.toContain('broken_probe');
      expect(await ledger(db)).not.toContain('999_zz_broken.sql');
    });
  });

  it('applies each file exactly once when several migrate at the same time', async () => {
    const db = await target.open();
    try {
      // On PostgreSQL each migrate() transaction takes its own pooled connection: real sessions racing.
      const runs = await Promise.all([migrate(db), migrate(db), migrate(db)]);
      expect(runs.flat().sort()).toEqual(names);
      expect(await ledger(db)).toEqual(names);
      expect(await tables(db)).toEqual(EXPECTED_TABLES);
    } finally {
      await db.close();
    }
  });
});
