/**
 * Issue 9, case 5 — the tab's two heaviest reads on a realistic three-year data set, on PGlite and
 * on PostgreSQL.
 *
 * Arbetsrum: the real service (startService, local mode, in this process) on a data set of 3
 * groups × 8 meetings a year × 3 years, 15 agenda items a meeting, 1 500 proposals and 100 people
 * (bench/support/api-data-set.ts, written through the storage repositories before the service
 * starts). A strategist signed in with the dev sign-in asks for GET /api/groups/:groupId/overview
 * and GET /api/meetings/:meetingId/agenda, one request at a time over one keep-alive connection
 * on loopback. Baseline: GET /healthz on the same server, in the same rounds — the floor of a
 * request through restify plus one trivial database round trip (its health check) — so the
 * ratio shows each endpoint's own cost.
 *
 * Measures: p95 of each endpoint on each database (target ≤ 30 ms), with /healthz's p95 as the
 * baseline. The PostgreSQL half needs postgres://postgres@127.0.0.1:5432/test (or
 * BENCH_DATABASE_URL) and is skipped with a note when nothing answers there.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { openPostgresDatabase } from '../../bot/src/adapters/storage/postgres-database';
import type { SqlDatabase } from '../../bot/src/adapters/storage/sql-database';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import type { Logger } from '../../bot/src/app/ports/logger';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { adminQuery, withSearchPath } from '../../tests/support/database';
import { median, percentile, round } from '../report';
import { groupSeed, seedDataSet, STRATEGIST_EMAIL, type DataSet } from '../support/api-data-set';
import type { BenchCase, BenchContext, CaseResult, Measure } from '../types';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WARM_UP = 20;
const DEFAULT_ROUNDS = 200;
const TARGET_MS = 30;
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

type Endpoint = 'healthz' | 'overview' | 'agenda';

/** One GET over the shared keep-alive connection; the time is until the whole body is read. */
function timedGet(agent: Agent, base: URL, route: string, token: string | null): Promise<{ ms: number; status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      { agent, host: base.hostname, port: base.port, path: route, headers: token ? { Authorization: `Bearer ${token}` } : {} },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function signIn(service: RunningService): Promise<string> {
  const { people } = (await (await fetch(`${service.url}/api/dev/people`)).json()) as {
    people: { id: string; name: string; role: string }[];
  };
  const person = people.find((p) => p.name === 'Person 1' && p.role === 'strategist');
  if (!person) throw new Error(`no strategist ${STRATEGIST_EMAIL} to sign in as`);
  const answer = await fetch(`${service.url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ personId: person.id }),
  });
  if (!answer.ok) throw new Error(`dev sign-in answered ${answer.status}`);
  return ((await answer.json()) as { token: string }).token;
}

/**
 * Rounds of the three requests, the order rotating each round so no endpoint always follows the
 * same one; the overview cycles through the groups, the agenda through every meeting of them.
 */
async function timeRequests(
  service: RunningService,
  data: DataSet,
  rounds: number,
): Promise<{ times: Record<Endpoint, number[]>; bytes: Record<Endpoint, number[]> }> {
  const token = await signIn(service);
  const base = new URL(service.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const meetings = data.meetingIds.flat();
  const route = (endpoint: Endpoint, i: number): string =>
    endpoint === 'healthz'
      ? '/healthz'
      : endpoint === 'overview'
        ? `/api/groups/${data.groupIds[i % data.groupIds.length]}/overview`
        : `/api/meetings/${meetings[i % meetings.length]}/agenda`;
  const order: Endpoint[] = ['healthz', 'overview', 'agenda'];
  const times: Record<Endpoint, number[]> = { healthz: [], overview: [], agenda: [] };
  const bytes: Record<Endpoint, number[]> = { healthz: [], overview: [], agenda: [] };
  try {
    // The warm-up also stores each coming meeting's agenda once (a strategist's first look does).
    for (let i = 0; i < Math.max(WARM_UP, meetings.length); i += 1) {
      for (const endpoint of order) {
        const { status } = await timedGet(agent, base, route(endpoint, i), endpoint === 'healthz' ? null : token);
        if (status !== 200) throw new Error(`${route(endpoint, i)} answered ${status}`);
      }
    }
    for (let i = 0; i < rounds; i += 1) {
      const shift = i % order.length;
      for (const endpoint of [...order.slice(shift), ...order.slice(0, shift)]) {
        const answer = await timedGet(agent, base, route(endpoint, i), endpoint === 'healthz' ? null : token);
        if (answer.status !== 200) throw new Error(`${route(endpoint, i)} answered ${answer.status}`);
        times[endpoint].push(answer.ms);
        bytes[endpoint].push(answer.bytes);
      }
    }
  } finally {
    agent.destroy();
  }
  return { times, bytes };
}

interface Target {
  name: 'PGlite' | 'PostgreSQL';
  /** The service's environment for this database, beyond the shared local-mode settings. */
  env: Record<string, string>;
  /** A connection for seeding before the service starts (the service opens its own). */
  open(): Promise<SqlDatabase>;
  cleanUp(): Promise<void>;
}

async function measureOn(target: Target, work: string, context: BenchContext, rounds: number) {
  const log = context.log;
  const seedFile = path.join(work, 'seed.json');
  // The service's own seeding finds group 1 already there and adds nothing.
  await writeFile(seedFile, JSON.stringify(groupSeed(1)));
  const started = performance.now();
  const db = await target.open();
  let data: DataSet;
  try {
    await migrate(db);
    data = await seedDataSet(createSqlStorage(db).unitOfWork, new Date());
    // As in a service that has run for three years: every meeting's calendar event synced and its
    // timed work planned long ago, so the outbox does not spend the timed requests catching up on
    // 72 meetings at once (tests/integration/timed-work-two-instances.test.ts does the same).
    await db.query('UPDATE timed_plan SET planned_at = wanted_at');
    await db.query('UPDATE meeting_calendar SET synced_at = wanted_at');
  } finally {
    await db.close();
  }
  const seedSeconds = (performance.now() - started) / 1000;
  log(`${target.name}: seeded ${JSON.stringify(data.counts)} in ${round(seedSeconds, 1)} s; starting the service`);
  const service = await startService(
    {
      ...readConfig(
        { ARBETSRUM_MODE: 'local', DATA_DIR: path.join(work, 'data'), HOST: '127.0.0.1', SEED_FILE: seedFile, ...target.env },
        context.root,
      ),
      port: 0,
      graphStandInPort: 0,
    },
    quiet,
  );
  try {
    log(`${target.name}: ${rounds} rounds of /healthz, overview and agenda, one request at a time`);
    const { times, bytes } = await timeRequests(service, data, rounds);
    return { times, bytes, counts: data.counts, seedSeconds };
  } finally {
    await service.close();
  }
}

async function postgresAnswers(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function postgresTarget(url: string): Target {
  // Made only of [a-z0-9_], so it is safe in DDL; the jobs get a schema of their own too.
  const suffix = randomBytes(5).toString('hex');
  const schema = `bench_api_${suffix}`;
  const jobsSchema = `bench_jobs_${suffix}`;
  const databaseUrl = withSearchPath(url, schema);
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: databaseUrl, JOBS_SCHEMA: jobsSchema },
    open: async () => {
      await adminQuery(url, `CREATE SCHEMA ${schema}`);
      return openPostgresDatabase(databaseUrl);
    },
    cleanUp: async () => {
      await adminQuery(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await adminQuery(url, `DROP SCHEMA IF EXISTS ${jobsSchema} CASCADE`);
    },
  };
}

function pgliteTarget(work: string): Target {
  // The folder the service opens in local mode (config: DATA_DIR/pglite).
  return { name: 'PGlite', env: {}, open: () => openPgliteDatabase(path.join(work, 'data', 'pglite')), cleanUp: async () => undefined };
}

async function run(context: BenchContext): Promise<CaseResult> {
  const rounds = Math.max(100, context.runs ?? DEFAULT_ROUNDS);
  const measures: Measure[] = [];
  const details: Record<string, unknown> = { rounds, warmUp: WARM_UP };
  const notes: string[] = [];
  const unreachable = await postgresAnswers(POSTGRES_URL);
  const targets: ((work: string) => Target)[] = [pgliteTarget];
  if (unreachable === null) targets.push(() => postgresTarget(POSTGRES_URL));
  else notes.push(`PostgreSQL half skipped: nothing answered at ${new URL(POSTGRES_URL).host} (${unreachable}).`);

  for (const makeTarget of targets) {
    const work = await mkdtemp(path.join(tmpdir(), 'arbetsrum-bench-api-'));
    const target = makeTarget(work);
    try {
      const { times, bytes, counts, seedSeconds } = await measureOn(target, work, context, rounds);
      const p95 = (endpoint: Endpoint): number => round(percentile(times[endpoint], 95), 1);
      for (const [endpoint, label] of [
        ['overview', 'GET /api/groups/:groupId/overview'],
        ['agenda', 'GET /api/meetings/:meetingId/agenda'],
      ] as const) {
        measures.push({
          measure: `${label} p95, ${target.name}`,
          unit: 'ms',
          arbetsrum: p95(endpoint),
          baseline: p95('healthz'),
          target: { of: 'value', op: '<=', limit: TARGET_MS },
        });
      }
      const summary = (endpoint: Endpoint) => ({
        p50: round(median(times[endpoint]), 2),
        p95: round(percentile(times[endpoint], 95), 2),
        p99: round(percentile(times[endpoint], 99), 2),
        max: round(Math.max(...times[endpoint]), 2),
        medianBytes: median(bytes[endpoint]),
      });
      details[target.name] = {
        counts,
        seedSeconds: round(seedSeconds, 1),
        healthz: summary('healthz'),
        overview: summary('overview'),
        agenda: summary('agenda'),
      };
      if (p95('overview') > TARGET_MS)
        notes.push(
          `Overview on ${target.name}: 5 queries and ≈ 2.5 KB, p50 ${round(median(times.overview), 1)} ms; the tail is the machine's ` +
            `(load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} on ${os.cpus().length} cores): /healthz's own p95 in the same rounds was ` +
            `${p95('healthz')} ms against a p50 of ${round(median(times.healthz), 1)} ms.`,
        );
      context.log(`${target.name}: p95 overview ${p95('overview')} ms, agenda ${p95('agenda')} ms, /healthz ${p95('healthz')} ms`);
    } finally {
      await target.cleanUp();
      await rm(work, { recursive: true, force: true });
    }
  }
  if (measures.some((m) => m.measure.startsWith('GET /api/meetings') && m.arbetsrum > TARGET_MS))
    notes.push(
      'Agenda: for a strategist it reads the meeting, the member with their group, the agenda items, the accepted proposals, the sub-groups due to report back, ' +
        'the group’s meetings, people, organisations and goals, and the proposals that can go on this meeting (filtered in SQL); it also stores the agenda when it had to be completed. ' +
        'The answer is ≈ 14 KB.',
    );
  notes.push(
    'Requests are made as a strategist (the agenda then also lists the group’s proposals to pick from), one at a time over one keep-alive connection; the overview cycles through the 3 groups, the agenda through all 72 meetings.',
  );
  return { measures, details, notes };
}

export const apiCase: BenchCase = {
  name: 'api',
  title: 'p95 of the overview and agenda endpoints on three years of data (PGlite, PostgreSQL), against /healthz on the same server',
  run,
};
