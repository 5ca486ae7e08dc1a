/**
 * The jobs adapter on every database (issue 6's contract test): a run scheduled under a key is one
 * job however often it is scheduled, runs once when due, and not at all once cancelled.
 */
import { randomBytes } from 'node:crypto';
import { Module } from 'node:module';
import { Client } from 'pg';
import { jobIdOf, PgBossScheduler, TIMED_WORK_QUEUE, type JobDatabase } from '../../../bot/src/adapters/jobs/pg-boss-scheduler';
import { silentLogger } from '../../support/silent-logger';

// The same PGlite module pg-boss's adapter expects: loaded outside jest's registry (ADR 0002).
const { PGlite } = new Module(__filename).require(require.resolve('@electric-sql/pglite')) as {
  PGlite: new () => { close(): Promise<void>; query<T>(sql: string, params: unknown[]): Promise<{ rows: T[] }> };
};

interface Target {
  name: string;
  open(): Promise<{
    database: JobDatabase;
    schema: string;
    /** A query on the same database, to look at pg-boss's own tables. */
    rows<T>(sql: string, params: unknown[]): Promise<T[]>;
    close(): Promise<void>;
  }>;
}

const targets: Target[] = [
  {
    name: 'PGlite',
    open: async () => {
      const pglite = new PGlite();
      return {
        database: { kind: 'pglite', pglite },
        schema: 'pgboss',
        rows: async <T>(sql: string, params: unknown[]) => (await pglite.query<T>(sql, params)).rows,
        close: () => pglite.close(),
      };
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
      const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => {
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query(sql, params)).rows as T[];
        } finally {
          await client.end();
        }
      };
      return { database: { kind: 'postgres', connectionString: url }, schema, rows, close: dropSchema };
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
    await scheduler?.stop().catch(() => undefined);
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
    await scheduler.schedule({ key: 'day-before-reminder:m1:2026-03-29', runAt: soon, payload: { meetingId: 'm1' } });
    await scheduler.schedule({ key: 'day-before-reminder:m1:2026-03-29', runAt: soon, payload: { meetingId: 'm1' } });
    await scheduler.schedule({ key: 'day-before-reminder:m2:2026-03-29', runAt: soon, payload: { meetingId: 'm2' } });
    await scheduler.cancel('day-before-reminder:m2:2026-03-29');
    // Moved far ahead before it was due: it waits for its new time.
    await scheduler.schedule({ key: 'call-for-proposals:m3:2026-03-01', runAt: soon, payload: { meetingId: 'm3' } });
    await scheduler.schedule({
      key: 'call-for-proposals:m3:2026-03-01',
      runAt: new Date(Date.now() + 3_600_000),
      payload: { meetingId: 'm3' },
    });
    await scheduler.work(async (payload) => {
      ran.push(payload);
    });
    expect(ran).toEqual([]); // not before it is due
    await until(() => ran.length > 0, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // time for a second run to show, if there were one
    expect(ran).toEqual([{ meetingId: 'm1', key: 'day-before-reminder:m1:2026-03-29' }]);
    // Scheduled again by hand (`again`), the cancelled one runs after all; the done one does not run twice.
    await scheduler.schedule(
      { key: 'day-before-reminder:m2:2026-03-29', runAt: new Date(), payload: { meetingId: 'm2' } },
      { again: true },
    );
    await scheduler.schedule({ key: 'day-before-reminder:m1:2026-03-29', runAt: new Date(), payload: { meetingId: 'm1' } });
    await until(() => ran.length > 1, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(ran.map((r) => r.meetingId)).toEqual(['m1', 'm2']);
  }, 40_000);

  it('retries a run whose handler failed, after the retry delay', async () => {
    // A scheduler of its own, so this test's handler is the only one taking jobs.
    const attempts: string[] = [];
    let fail = true;
    const own = new PgBossScheduler(opened.database, silentLogger, {
      schema: opened.schema,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 1,
    });
    await scheduler.stop();
    await own.start();
    try {
      await own.schedule({ key: 'kallelse:m9:2026-03-06', runAt: new Date(), payload: { meetingId: 'm9' } });
      await own.work(async (payload) => {
        attempts.push(payload.meetingId ?? '');
        if (fail) {
          fail = false;
          throw new Error('Teams was away');
        }
      });
      await until(() => attempts.length >= 2, 20_000);
      expect(attempts).toEqual(['m9', 'm9']);
    } finally {
      await own.stop();
    }
  }, 40_000);

  it('sends new runs with the heartbeat and retry delay configured now, also on a queue made before', async () => {
    // The queue was made by the first scheduler, with the defaults (30 s and 30 s).
    await scheduler.stop();
    const later = new PgBossScheduler(opened.database, silentLogger, { schema: opened.schema, heartbeatSeconds: 12, retryDelaySeconds: 7 });
    await later.start();
    try {
      const key = 'reminder:m7:2030-01-01';
      await later.schedule({ key, runAt: new Date(Date.now() + 86_400_000), payload: { meetingId: 'm7' } });
      const rows = await opened.rows<{ heartbeat_seconds: number; retry_delay: number }>(
        `SELECT heartbeat_seconds, retry_delay FROM ${opened.schema}.job WHERE id = $1`,
        [jobIdOf(TIMED_WORK_QUEUE, key)],
      );
      expect(rows).toEqual([{ heartbeat_seconds: 12, retry_delay: 7 }]);
    } finally {
      await later.stop();
    }
  }, 40_000);
});
