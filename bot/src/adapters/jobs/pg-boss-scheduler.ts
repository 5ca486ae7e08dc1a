/**
 * The JobScheduler on pg-boss, in the same PostgreSQL as everything else: PGlite in local mode
 * (through pg-boss's own adapter, on the very PGlite instance the service uses) or the server in
 * production. Every run is a job in one queue, `timed-work`; a run's key becomes its job id (a
 * name-based UUID), so scheduling a key again is refused by pg-boss as a duplicate, and
 * cancelling needs only the key. pg-boss hands each due job to one worker on one instance; a
 * worker that dies stops sending heartbeats and the job is handed out again.
 *
 * pg-boss is ESM only; it is loaded through Node's own require (require of ESM, Node ≥ 22.12) as
 * PGlite is (ADR 0002), so under jest it shares PGlite's realm. Dates therefore go in as strings.
 */
import { createHash } from 'node:crypto';
import { Module } from 'node:module';
import type * as PgBossModule from 'pg-boss';
import type { Logger } from '../../app/ports/logger';
import type { JobScheduler, ScheduledRun } from '../../app/ports/job-scheduler';

const nodeModule = new Module(__filename);
const nodeRequire = (id: string): unknown => nodeModule.require(id);
const { PgBoss } = nodeRequire(require.resolve('pg-boss')) as typeof PgBossModule;
// pg-boss exports its PGlite adapter from this file, with no subpath export of its own.
const { fromPglite } = nodeRequire(require.resolve('pg-boss/dist/adapters/index.js')) as { fromPglite: (pglite: unknown) => unknown };

export type JobDatabase =
  | { kind: 'pglite'; pglite: unknown }
  /**
   * `client`, when given, is the pg Client class pg-boss's pool makes its connections with: the
   * storage adapter's passwordAskingClient, for an Entra token as the password.
   */
  | { kind: 'postgres'; connectionString: string; client?: unknown };

export const TIMED_WORK_QUEUE = 'timed-work';

/** A UUID (version 5 layout) named by the key: the same key, the same job id, on every instance. */
export function jobIdOf(name: string, key: string): string {
  const hex = createHash('sha1').update(`arbetsrum:${name}:${key}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export interface PgBossSchedulerOptions {
  schema?: string;
  pollingIntervalSeconds?: number;
  /** How often pg-boss looks for jobs whose worker died (missed heartbeats). */
  superviseIntervalSeconds?: number;
  /** A worker that has not sent a heartbeat for this long is taken for dead (≥ 10). */
  heartbeatSeconds?: number;
  /** The first retry's delay; later ones back off exponentially, up to half an hour. */
  retryDelaySeconds?: number;
  /**
   * The application's clock, when it is not the system's (tests that stop time): a run is due
   * when that clock reaches runAt, counted from now on the system clock pg-boss uses.
   */
  now?: () => Date;
}

export class PgBossScheduler implements JobScheduler {
  private readonly boss: PgBossModule.PgBoss;
  private queueReady: Promise<void> | null = null;

  constructor(
    database: JobDatabase,
    private readonly logger: Logger,
    private readonly options: PgBossSchedulerOptions = {},
  ) {
    const common = {
      schema: options.schema ?? 'pgboss',
      supervise: true,
      schedule: false,
      superviseIntervalSeconds: options.superviseIntervalSeconds ?? 30,
      // Missed heartbeats are found by the monitor pass, which otherwise runs once a minute.
      monitorIntervalSeconds: options.superviseIntervalSeconds ?? 30,
    };
    this.boss =
      database.kind === 'pglite'
        ? new PgBoss({ ...common, db: fromPglite(database.pglite) as never, backend: 'pglite' } as never)
        : // pg-boss hands its options to pg's Pool, `Client` included (pg-boss's types do not list it).
          new PgBoss({
            ...common,
            connectionString: database.connectionString,
            ...(database.client ? { Client: database.client } : {}),
          } as never);
    // pg-boss reports trouble (a lost connection, a failed maintenance run) as events, not throws.
    this.boss.on('error', (error: Error) => this.logger.error({ err: error.message }, 'job scheduler error'));
  }

  async start(): Promise<void> {
    await this.boss.start();
    await this.queue();
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /** When pg-boss should start the run, on the system clock. */
  private startAfter(runAt: Date): string {
    const offset = this.options.now ? Date.now() - this.options.now().getTime() : 0;
    return new Date(runAt.getTime() + offset).toISOString();
  }

  async schedule(run: ScheduledRun, options: { again?: boolean } = {}): Promise<void> {
    await this.queue();
    const id = jobIdOf(TIMED_WORK_QUEUE, run.key);
    const job = { id, startAfter: this.startAfter(run.runAt) };
    const data = { ...run.payload, key: run.key };
    if ((await this.boss.send(TIMED_WORK_QUEUE, data, job)) !== null) return;
    const existing = await this.boss.getJobById(TIMED_WORK_QUEUE, id);
    if (!existing || existing.state === 'active') return; // running now: it finishes as it is
    const waiting = existing.state === 'created' || existing.state === 'retry';
    if (!waiting && !options.again) return;
    if (waiting && Math.abs(new Date(existing.startAfter).getTime() - new Date(job.startAfter).getTime()) < 1_000) return;
    // A waiting job moves to its new time; a finished one is made anew (a retry by hand).
    await this.boss.deleteJob(TIMED_WORK_QUEUE, id);
    await this.boss.send(TIMED_WORK_QUEUE, data, job);
  }

  async cancel(key: string): Promise<void> {
    await this.queue();
    await this.boss.cancel(TIMED_WORK_QUEUE, jobIdOf(TIMED_WORK_QUEUE, key));
  }

  /** Hands every due run to `handler`, one at a time in this process; a handler that throws is retried later. */
  async work(handler: (payload: Record<string, string>) => Promise<void>): Promise<void> {
    await this.queue();
    await this.boss.work<Record<string, string>>(
      TIMED_WORK_QUEUE,
      { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1 },
      async (jobs) => {
        for (const job of jobs) await handler({ ...job.data });
      },
    );
  }

  /** The queue, made once, its options brought in step with this instance's configuration. */
  private queue(): Promise<void> {
    const options = {
      // A fan-out to a few thousand people at Teams' pace takes minutes; heartbeats tell a dead worker.
      expireInSeconds: 3_600,
      retryLimit: 10,
      retryDelay: this.options.retryDelaySeconds ?? 30,
      retryBackoff: true,
      retryDelayMax: 1_800,
      deleteAfterSeconds: 90 * 86_400,
      heartbeatSeconds: this.options.heartbeatSeconds ?? 30,
    };
    this.queueReady ??= (async () => {
      await this.boss.createQueue(TIMED_WORK_QUEUE, options);
      // Also on a queue made earlier: a job takes its queue's heartbeat and retry delay when it is
      // sent, so a changed JOBS_HEARTBEAT_SECONDS would otherwise never reach new jobs.
      await this.boss.updateQueue(TIMED_WORK_QUEUE, options);
    })();
    return this.queueReady;
  }
}
