/**
 * The jobs adapter on every database (issue 6's contract test): a run scheduled under a key is one
 * job however often it is scheduled, runs once when due, and not at all once cancelled.
 */
import { randomBytes } from 'node:crypto';
import { Module } from 'node:module';
import { Client } from 'pg';
import { jobIdOf, PgBossScheduler, type JobDatabase } from '../../../bot/src/adapters/jobs/pg-boss-scheduler';
import { silentLogger } from '../../support/silent-logger';

// The same PGlite module pg-boss's adapter expects: loaded outside jest's registry (ADR 0002).
const { PGlite } = new Module(__filename).require(require.resolve('@electric-sql/pglite')) as {
  PGlite: new () => { close(): Promise<void> };
};

interface Target {
  name: string;
  open(): Promise<{ database: JobDatabase; schema: string; close(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'PGlite',
    open: async () => {
      const pglite = new PGlite();
      return { database: { kind: 'pglite', pglite }, schema: 'pgboss', close: () => pglite.close() };
    },
  },
];
const url = process.env.TEST_DATABASE_URL;
if (url) {
  targets.push({
    name: 'PostgreSQL',
    // A schema of its own per run, so parallel test files never share pg-boss's tables.
    open: async () => {
      const schema = `pgboss_${randomBytes(4).toString('hex')}`;
      const dropSchema = async () => {
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      };
      return { database: { kind: 'postgres', connectionString: url }, schema, close: dropSchema };
    },
  });
}

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100));
};

describe.each(targets)('the pg-boss job scheduler on $name', (target) => {
  let opened: Awaited<ReturnType<Target['open']>>;
  let scheduler: PgBossScheduler;

  beforeAll(async () => {
    opened = await target.open();
    scheduler = new PgBossScheduler(opened.database, silentLogger, { schema: opened.schema, pollingIntervalSeconds: 0.5 });
    await scheduler.start();
  }, 30_000);
  afterAll(async () => {
    await scheduler?.stop();
    await opened?.close();
  });

  it('names the same key with the same job id, and different keys differently', () => {
    expect(jobIdOf('q', 'k1')).toBe(jobIdOf('q', 'k1'));
    expect(jobIdOf('q', 'k1')).not.toBe(jobIdOf('q', 'k2'));
    expect(jobIdOf('q', 'k1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('runs a run scheduled twice under one key once, when it is due; a cancelled one never', async () => {
    const ran: Record<string, string>[] = [];
    const soon = new Date(Date.now() + 1_500);
    await scheduler.schedule({
      name: 'day-before-reminder',
      key: 'day-before-reminder:m1:2026-03-29',
      runAt: soon,
      payload: { meetingId: 'm1' },
    });
    await scheduler.schedule({
      name: 'day-before-reminder',
      key: 'day-before-reminder:m1:2026-03-29',
      runAt: soon,
      payload: { meetingId: 'm1' },
    });
    await scheduler.schedule({
      name: 'day-before-reminder',
      key: 'day-before-reminder:m2:2026-03-29',
      runAt: soon,
      payload: { meetingId: 'm2' },
    });
    await scheduler.cancel('day-before-reminder', 'day-before-reminder:m2:2026-03-29');
    await scheduler.work('day-before-reminder', async (payload) => {
      ran.push(payload);
    });
    expect(ran).toEqual([]); // not before it is due
    await until(() => ran.length > 0, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // time for a second run to show, if there were one
    expect(ran).toEqual([{ meetingId: 'm1', key: 'day-before-reminder:m1:2026-03-29' }]);
  }, 30_000);
});
