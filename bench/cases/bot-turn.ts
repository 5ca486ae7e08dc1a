/**
 * Issue 9, case 1 — a bot turn through POST /api/messages with Bot Framework authentication on,
 * against a bare botbuilder echo bot on the same adapter, auth and server.
 *
 * Arbetsrum: the service in production mode as its own process (`node --import tsx
 * bot/src/main.ts`; production mode runs on PostgreSQL only, so a schema of its own on the local
 * PostgreSQL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test, with the demo group
 * seeded), its Bot Framework tokens checked against a
 * local OpenID issuer (tests/support/local-openid-issuer.ts, shaped like Bot Framework's, as
 * tests/integration/bot-auth-http.test.ts configures it), answering the proposal form's
 * `proposal.submit` card action (Action.Execute) — each with its own submissionKey, so each stores
 * a new proposal and its audit record and answers with the receipt card. Baseline:
 * bench/support/bot-turn-echo-bot.ts, a botbuilder ActivityHandler echoing the same card action,
 * behind the same createCloudAdapter, the same authentication settings and the same
 * createHttpServer, in a process started the same way; the same signed activities go to both.
 *
 * Load: closed loop at 1, 10 and 50 concurrent requests over keep-alive loopback HTTP, Arbetsrum
 * and the echo bot alternating in short windows (ABBA), after a warm-up of each.
 *
 * Measures: submissions per second at each concurrency (target ≥ 0.7 × the echo bot's), p50 and p99
 * latency at each (p99 at 10 concurrent: target ≤ 100 ms).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPostgresDatabase } from '../../bot/src/adapters/storage/postgres-database';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { adminQuery, withSearchPath } from '../../tests/support/database';
import { DEMO_SEED_FILE } from '../../tests/support/demo-group';
import { freePort } from '../../tests/support/free-port';
import { startLocalManagedIdentity } from '../../tests/support/local-managed-identity';
import { startLocalOpenIdIssuer } from '../../tests/support/local-openid-issuer';
import { startRecordingConnector } from '../../tests/support/recording-connector';
import { startServiceProcess, stopped, waitFor } from '../../tests/support/service-process';
import { percentile, round } from '../report';
import type { BenchCase, BenchContext, CaseResult, Measure } from '../types';

const APP_ID = '11111111-1111-4111-8111-111111111111';
/** The PostgreSQL the tests use (TEST_DATABASE_URL), or the local one with trust auth. */
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const LEVELS = [1, 10, 50] as const;
const WINDOW_MS = 2000;
const WARM_UP_MS = 1500;
/** Timed windows per side and level (`--runs`); the sides alternate ABBA, so an even number is fairest. */
const DEFAULT_WINDOWS = 4;
/** The receipt's first words (sv): what a stored proposal answers, and nothing else does. */
const RECEIPT = 'Ditt förslag är inskickat';

type Side = 'arbetsrum' | 'echo';

interface Sender {
  id: string;
  aadObjectId: string;
  name: string;
}

interface Window {
  completed: number;
  errors: number;
  ms: number;
  latencies: number[];
  firstError?: string;
}

/** A loopback URL nothing listens on: Graph, which no bot turn here needs, fails fast there. */
async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1.0`;
}

/** The echo bot, started exactly as startServiceProcess starts the service. */
async function startEchoBot(root: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/bot-turn-echo-bot.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok === true,
    60_000,
    () => output,
  );
  return { child, url };
}

/** Closed loop: `concurrency` callers, each sending its next request when the last is answered, until `ms` are up. */
async function load(concurrency: number, ms: number, send: () => Promise<string | null>): Promise<Window> {
  const window: Window = { completed: 0, errors: 0, ms: 0, latencies: [] };
  const started = performance.now();
  const until = started + ms;
  const caller = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const problem = await send().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      const t1 = performance.now();
      if (problem === null) {
        window.completed += 1;
        window.latencies.push(t1 - t0);
      } else {
        window.errors += 1;
        window.firstError ??= problem;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  // Requests started before the deadline finish after it: the window lasts until the last answer.
  window.ms = performance.now() - started;
  return window;
}

async function seedDatabase(databaseUrl: string, tenantYear: number) {
  const demo = await readGroupSeed(DEMO_SEED_FILE);
  const db = await openPostgresDatabase(databaseUrl);
  try {
    await migrate(db);
    const storage = createSqlStorage(db);
    // Real time: the service checks the proposals' deadlines against the system clock.
    await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock: { now: () => new Date() }, ids: randomUUID }, demo, [
      tenantYear,
      tenantYear + 1,
    ]);
  } finally {
    await db.close();
  }
  const senders: Sender[] = demo.people
    .filter((p): p is typeof p & { aadObjectId: string } => typeof p.aadObjectId === 'string')
    .map((p, i) => ({ id: `29:bench-${i + 1}`, aadObjectId: p.aadObjectId, name: p.name }));
  return { tenantId: demo.tenant.id, senders };
}

async function countProposals(databaseUrl: string, tenantId: string): Promise<number> {
  const db = await openPostgresDatabase(databaseUrl);
  try {
    const [row] = await db.query<{ n: string }>('SELECT count(*) AS n FROM proposal WHERE tenant_id = $1', [tenantId]);
    return Number(row?.n ?? 0);
  } finally {
    await db.close();
  }
}

async function run(context: BenchContext): Promise<CaseResult> {
  const windows = Math.max(2, context.runs ?? DEFAULT_WINDOWS);
  const closers: (() => Promise<unknown>)[] = [];
  const children: ChildProcess[] = [];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'arbetsrum-bench-bot-turn-'));
  closers.push(() => rm(dataDir, { recursive: true, force: true }));
  try {
    const [identity, issuer, connector] = await Promise.all([
      startLocalManagedIdentity(),
      // Shaped like Bot Framework's: its own origin as issuer, its metadata path, keys endorsed per channel.
      startLocalOpenIdIssuer({
        issuer: (url) => url,
        metadataPath: '/v1/.well-known/openidconfiguration',
        jwkExtras: { endorsements: ['msteams'] },
      }),
      startRecordingConnector({}),
    ]);
    closers.unshift(
      () => identity.close(),
      () => issuer.close(),
      () => connector.close(),
    );

    // Production mode runs on PostgreSQL only (config-env-schema.ts): a schema of its own, pg-boss's tables in it too.
    const schema = `bench_bot_turn_${randomUUID().slice(0, 8)}`;
    await adminQuery(POSTGRES_URL, `CREATE SCHEMA ${schema}`);
    closers.push(() => adminQuery(POSTGRES_URL, `DROP SCHEMA ${schema} CASCADE`));
    const databaseUrl = withSearchPath(POSTGRES_URL, schema);
    context.log(`seeding the demo group into PostgreSQL (schema ${schema})`);
    const year = new Date().getFullYear();
    const { tenantId, senders } = await seedDatabase(databaseUrl, year);
    const seeded = await countProposals(databaseUrl, tenantId);
    const sara = senders.find((s) => s.name === 'Sara Nilsson') ?? senders[0];
    if (!sara) throw new Error('the demo group has nobody with an Entra object id');

    // What bot-auth-http.test.ts sets: production mode, tokens from the local issuer, nothing beyond loopback.
    const env: Record<string, string> = {
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: tenantId,
      BOT_OPENID_METADATA_URL: issuer.metadataUrl,
      BOT_TOKEN_ISSUER: issuer.issuer,
      HOST: '127.0.0.1',
      ENTRA_OPENID_METADATA_URL: issuer.metadataUrl,
      GRAPH_AUTH: 'managed-identity',
      GRAPH_BASE_URL: await closedLoopbackUrl(),
      DATABASE_URL: databaseUrl,
      JOBS_SCHEMA: schema,
      DATA_DIR: dataDir,
      // No background rounds (outbox, timed work): only the bot turns are measured.
      OUTBOX_INTERVAL_MS: '600000',
      JOBS_POLL_SECONDS: '600',
      ...identity.env,
    };
    context.log('starting Arbetsrum (production mode) and the echo bot, each as its own process');
    const service = await startServiceProcess(env);
    children.push(service.child);
    const echo = await startEchoBot(context.root, env);
    children.push(echo.child);
    const urls: Record<Side, string> = { arbetsrum: service.url, echo: echo.url };

    // Bot Framework signs a token for an hour and sends it with every activity: one token, reused.
    const nowSeconds = Math.floor(Date.now() / 1000);
    const authorization = `Bearer ${issuer.mint({ iss: issuer.issuer, aud: APP_ID, serviceurl: connector.url, nbf: nowSeconds - 60, exp: nowSeconds + 3600 })}`;
    const envelope = (from: Sender) => ({
      channelId: 'msteams',
      serviceUrl: connector.url,
      locale: 'sv-SE',
      from,
      recipient: { id: `28:${APP_ID}`, name: 'Arbetsrum' },
      conversation: { id: `a:${from.id}`, conversationType: 'personal', tenantId, isGroup: false },
      channelData: { tenant: { id: tenantId } },
    });
    const post = (side: Side, body: unknown) =>
      fetch(`${urls[side]}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: authorization },
        body: JSON.stringify(body),
      });

    // The delegate asks for the form (`föreslå`), as in the chat; its submit action is what is replayed.
    const opened = await post('arbetsrum', { ...envelope(sara), type: 'message', id: 'bench-open', text: 'föreslå' });
    if (opened.status !== 200) throw new Error(`opening the proposal form answered ${opened.status}`);
    const form = connector.sent.at(-1)?.body.attachments?.[0]?.content as
      | {
          actions?: { verb?: string; data?: Record<string, unknown> }[];
          body?: { id?: string; value?: unknown; choices?: { value: string }[] }[];
        }
      | undefined;
    const submit = form?.actions?.find((a) => a.verb === 'proposal.submit');
    if (!form || !submit?.data) throw new Error('the bot did not send the proposal form');
    const fields = Object.fromEntries((form.body ?? []).flatMap((e) => (e.id ? [[e.id, e] as const] : [])));

    let sequence = 0;
    /** Receipts Arbetsrum answered (warm-ups too): each must be one stored proposal. */
    let receipts = 0;
    const submission = () => {
      sequence += 1;
      const from = senders[sequence % senders.length] ?? sara;
      return {
        ...envelope(from),
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `bench-${sequence}`,
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'proposal.submit',
            data: {
              ...submit.data,
              // A new form's key: a new proposal, not a double click.
              submissionKey: randomUUID(),
              title: `Förslag ${sequence} från benchen`,
              description: 'Hur gör vi med laddplatser vid förskolorna, och vem betalar?',
              kind: 'diskussion',
              organisationId: fields.organisationId?.value ?? '',
              goalIds: (fields.goalIds?.choices ?? [])
                .slice(0, 2)
                .map((c) => c.value)
                .join(','),
              minutesNeeded: '20',
              meetingId: fields.meetingId?.value ?? '',
            },
          },
        },
      };
    };
    const send = (side: Side) => async (): Promise<string | null> => {
      const res = await post(side, submission());
      const text = await res.text();
      if (res.status !== 200) return `HTTP ${res.status}: ${text.slice(0, 200)}`;
      if (!text.includes('"application/vnd.microsoft.card.adaptive"')) return `no card: ${text.slice(0, 200)}`;
      if (side === 'arbetsrum' && !text.includes(RECEIPT)) return `no receipt: ${text.slice(0, 300)}`;
      if (side === 'arbetsrum') receipts += 1;
      return null;
    };

    const first = await send('arbetsrum')();
    if (first !== null) throw new Error(`the first submission was not stored: ${first}`);

    const results: Record<string, { arbetsrum: Window[]; echo: Window[] }> = {};
    for (const level of LEVELS) {
      for (const side of ['arbetsrum', 'echo'] as const) await load(level, WARM_UP_MS, send(side));
      const per = { arbetsrum: [] as Window[], echo: [] as Window[] };
      for (let i = 0; i < windows * 2; i += 1) {
        // ABBA: each side goes first as often as second, so a drift in the machine's load hits both.
        const side: Side = i % 4 === 0 || i % 4 === 3 ? 'arbetsrum' : 'echo';
        per[side].push(await load(level, WINDOW_MS, send(side)));
      }
      results[String(level)] = per;
      const rate = (ws: Window[]) => round(ws.reduce((s, w) => s + w.completed, 0) / (ws.reduce((s, w) => s + w.ms, 0) / 1000), 1);
      context.log(`${level} concurrent: Arbetsrum ${rate(per.arbetsrum)}/s, echo ${rate(per.echo)}/s`);
    }

    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => stopped(c)));
    children.length = 0;
    const stored = await countProposals(databaseUrl, tenantId);

    const measures: Measure[] = [];
    const details: Record<string, unknown> = {
      windowMs: WINDOW_MS,
      windowsPerSide: windows,
      warmUpMs: WARM_UP_MS,
      senders: senders.length,
    };
    let errors = 0;
    let firstError: string | undefined;
    const stats = (ws: Window[]) => {
      const latencies = ws.flatMap((w) => w.latencies);
      const completed = ws.reduce((s, w) => s + w.completed, 0);
      const seconds = ws.reduce((s, w) => s + w.ms, 0) / 1000;
      return {
        perSecond: completed / seconds,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        completed,
        errors: ws.reduce((s, w) => s + w.errors, 0),
        firstError: ws.find((w) => w.firstError)?.firstError,
        windows: ws.map((w) => round(w.completed / (w.ms / 1000), 1)),
      };
    };
    for (const level of LEVELS) {
      const per = results[String(level)];
      if (!per) continue;
      const own = stats(per.arbetsrum);
      const base = stats(per.echo);
      errors += own.errors + base.errors;
      firstError ??= own.firstError ?? base.firstError;
      measures.push(
        {
          measure: `proposal submissions per second, ${level} concurrent`,
          unit: '/s',
          arbetsrum: round(own.perSecond, 1),
          baseline: round(base.perSecond, 1),
          target: { of: 'ratio', op: '>=', limit: 0.7 },
        },
        { measure: `latency p50, ${level} concurrent`, unit: 'ms', arbetsrum: round(own.p50, 1), baseline: round(base.p50, 1) },
        {
          measure: `latency p99, ${level} concurrent`,
          unit: 'ms',
          arbetsrum: round(own.p99, 1),
          baseline: round(base.p99, 1),
          ...(level === 10 ? { target: { of: 'value' as const, op: '<=' as const, limit: 100 } } : {}),
        },
      );
      details[`concurrent${level}`] = {
        arbetsrum: { ...own, perSecond: round(own.perSecond, 1), p50: round(own.p50, 1), p99: round(own.p99, 1) },
        echo: { ...base, perSecond: round(base.perSecond, 1), p50: round(base.p50, 1), p99: round(base.p99, 1) },
      };
    }
    details.receipts = receipts;
    // Caches at work: botbuilder fetches the issuer's keys once, the bot's own token is never needed for an invoke.
    details.issuerRequests = { ...issuer.requests };
    details.managedIdentityRequests = identity.requests.length;
    details.proposalsStored = stored - seeded;
    details.errors = errors;
    if (firstError) details.firstError = firstError;
    const notes: string[] = [
      'Both sides run as their own process on loopback, the load generator in a third; one token (as Bot Framework reuses its tokens for an hour) signed by the local issuer. ' +
        'Per submission Arbetsrum checks the token twice (bot-endpoint.ts checks it before the adapter, which checks it again), identifies the sender, refreshes the stored personal chat, ' +
        'looks up the submission key, reads the group, its meetings, people, organisations and goals, stores the proposal and an audit record on PostgreSQL, and renders the receipt card; the echo bot does none of it.',
    ];
    const missedRatio = LEVELS.filter((level) => {
      const d = details[`concurrent${level}`] as { arbetsrum: { perSecond: number }; echo: { perSecond: number } };
      return d.arbetsrum.perSecond < 0.7 * d.echo.perSecond;
    });
    if (missedRatio.length > 0)
      notes.push(
        `Throughput below 0.7 of the echo bot's at ${missedRatio.join(', ')} concurrent. The difference is Arbetsrum's own turn (the database reads and writes listed above, ` +
          'the second token check, the receipt card), on one Node process sharing 2 cores with PostgreSQL and the load generator. Where inside the turn the time goes has not been profiled; ' +
          'the likely levers: the reads of the group (group, meetings, people, organisations, goals) in one query or cached per group for a few seconds, the writes (chat, proposal, audit) in one transaction, and one token check per request instead of two.',
      );
    const p99at10 = (details.concurrent10 as { arbetsrum: { p99: number } }).arbetsrum.p99;
    if (p99at10 > 100)
      notes.push(
        `p99 at 10 concurrent is ${p99at10} ms against ≤ 100 ms: with 10 submissions in flight each waits for the others' database round trips on one event loop; it moves with the machine's load (see loadAverage), the ratio to the echo bot much less.`,
      );
    if (errors > 0) notes.push(`${errors} requests failed and are left out of the figures; the first: ${firstError ?? '?'}`);
    if (stored !== receipts + seeded) notes.push(`${receipts} receipts answered but ${stored - seeded} proposals stored`);
    return { measures, details, notes };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => stopped(c)));
    for (const close of closers) await close().catch(() => undefined);
  }
}

export const botTurnCase: BenchCase = {
  name: 'bot-turn',
  title:
    'proposal submissions through /api/messages with Bot Framework auth, against a botbuilder echo bot on the same adapter, auth and server',
  run,
};
