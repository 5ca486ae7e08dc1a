/**
 * The JobScheduler on pg-boss, in the same PostgreSQL as everything else: PGlite in local mode
 * (through pg-boss's own adapter, on the very PGlite instance the service uses) or the server in
 * production. A run's key becomes its job id (a name-based UUID), so scheduling a key again is
 * refused by pg-boss as a duplicate, and cancelling needs only the key.
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

export type JobDatabase = { kind: 'pglite'; pglite: unknown } | { kind: 'postgres'; connectionString: string };

/** A UUID (version 5 layout) named by the key: the same key, the same job id, on every instance. */
export function jobIdOf(name: string, key: string): string {
  const hex = createHash('sha1').update(`arbetsrum:${name}:${key}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export class PgBossScheduler implements JobScheduler {
  private readonly boss: PgBossModule.PgBoss;
  private readonly queues = new Set<string>();
  private readonly pollingIntervalSeconds: number;

  constructor(
    database: JobDatabase,
    private readonly logger: Logger,
    options: { schema?: string; pollingIntervalSeconds?: number } = {},
  ) {
    const common = { schema: options.schema ?? 'pgboss', supervise: true, schedule: false };
    this.boss =
      database.kind === 'pglite'
        ? new PgBoss({ ...common, db: fromPglite(database.pglite) as never, backend: 'pglite' } as never)
        : new PgBoss({ ...common, connectionString: database.connectionString });
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    // pg-boss reports trouble (a lost connection, a failed maintenance run) as events, not throws.
    this.boss.on('error', (error: Error) => this.logger.error({ err: error.message }, 'job scheduler error'));
  }

  start(): Promise<unknown> {
    return this.boss.start();
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  async schedule(run: ScheduledRun): Promise<void> {
    await this.queue(run.name);
    const id = await this.boss.send(
      run.name,
      { ...run.payload, key: run.key },
      { id: jobIdOf(run.name, run.key), startAfter: run.runAt.toISOString() },
    );
    if (id === null) this.logger.debug({ name: run.name }, 'job already scheduled under this key');
  }

  async cancel(name: string, key: string): Promise<void> {
    await this.queue(name);
    await this.boss.cancel(name, jobIdOf(name, key));
  }

  async work(name: string, handler: (payload: Record<string, string>) => Promise<void>): Promise<void> {
    await this.queue(name);
    await this.boss.work<Record<string, string>>(name, { pollingIntervalSeconds: this.pollingIntervalSeconds }, async (jobs) => {
      for (const job of jobs) await handler({ ...job.data });
    });
  }

  private async queue(name: string): Promise<void> {
    if (this.queues.has(name)) return;
    await this.boss.createQueue(name);
    this.queues.add(name);
  }
}
