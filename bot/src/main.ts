/**
 * The composition root: reads the configuration once, picks an adapter for every port, starts
 * the server. Nothing else in the code base knows more than one adapter.
 *
 *   tsx bot/src/main.ts          start the service
 *   tsx bot/src/main.ts seed     seed the demo group and exit (local mode only)
 *   tsx bot/src/main.ts jobs     list failed, running and next timed work; `jobs retry <tenant> <key>`
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from './app/ports/clock';
import type { Logger } from './app/ports/logger';
import type { Waiter } from './app/ports/messenger';
import { seedDemoGroup, type SeedResult } from './app/seed-demo-group';
import { createUseCases, type UseCases } from './app/use-cases';
import { DocxRenderer } from './adapters/graph/documents/docx-renderer';
import { GraphGroupCalendar } from './adapters/graph/graph-calendar';
import type { GraphConnection } from './adapters/graph/graph-client';
import { GraphDocumentStore } from './adapters/graph/graph-document-store';
import { GraphMailer } from './adapters/graph/graph-mailer';
import { GraphMinutesMailer } from './adapters/graph/graph-minutes-mailer';
import { GraphReportMailer } from './adapters/graph/graph-report-mailer';
import { ReportDocxRenderer } from './adapters/graph/documents/report-docx';
import { createGraphTokenSource } from './adapters/graph/graph-token-source';
import { postgresEntraToken } from './adapters/graph/postgres-entra-token';
import { OutboxWorker } from './adapters/jobs/outbox-worker';
import { PgBossScheduler, type JobDatabase } from './adapters/jobs/pg-boss-scheduler';
import { startGraphStandIn } from './adapters/graph/graph-stand-in';
import { devTokenAuthenticator, refuseAllAuthenticator, type Authenticator } from './adapters/http/authenticator';
import { DevTokens } from './adapters/http/dev-token';
import { entraAuthenticator } from './adapters/http/entra-authenticator';
import { OpenIdKeys } from './adapters/http/openid-keys';
import { close as closeServer, createHttpServer, listen } from './adapters/http/server';
import { readGroupSeed } from './adapters/storage/seed-file';
import { migrate } from './adapters/storage/migrate';
import { openPgliteDatabase } from './adapters/storage/pglite-database';
import { openPostgresDatabase, passwordAskingClient } from './adapters/storage/postgres-database';
import type { SqlDatabase } from './adapters/storage/sql-database';
import { createSqlStorage, type SqlStorage } from './adapters/storage/sql-storage';
import { createBotEndpoint, createCloudAdapter } from './adapters/teams/bot-endpoint';
import { TeamsMessenger } from './adapters/teams/teams-messenger';
import { TeamsRoster } from './adapters/teams/teams-roster';
import { ConfigError, loadDotEnv, readConfig, redactedSummary, type Config } from './config';
import { toStockholm } from './domain/stockholm-time';
import { runJobsCommand } from './jobs-command';
import { createLogger } from './logger';
import { runGroupSetup } from './group-setup-command';
import { startFailureReason, stopOnSignals } from './process-lifecycle';

export interface RunningService {
  url: string;
  port: number;
  /** Every route the HTTP server answers, as restify's router holds them: for tests that must cover each one. */
  routes(): { method: string; path: string }[];
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };
const systemWaiter: Waiter = { wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), random: Math.random };
/** The project folder (where package.json is), from the sources or from a compiled dist/. */
function findProjectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return process.cwd();
}
const repoRoot = findProjectRoot(__dirname);

/** The database, migrated, and where pg-boss finds it: the same PostgreSQL, or the same PGlite engine. */
async function openStorage(config: Config): Promise<{ storage: SqlStorage; jobDatabase: JobDatabase }> {
  let db: SqlDatabase;
  let jobDatabase: JobDatabase;
  if (config.database.kind === 'postgres') {
    const { url, auth } = config.database;
    const password = auth.kind === 'managed-identity' ? postgresEntraToken(auth.clientId) : undefined;
    db = await openPostgresDatabase(url, password ? { password } : {});
    jobDatabase = { kind: 'postgres', connectionString: url, ...(password ? { client: passwordAskingClient(password) } : {}) };
  } else {
    const pglite = await openPgliteDatabase(config.database.dataDir);
    db = pglite;
    jobDatabase = { kind: 'pglite', pglite: pglite.pglite };
  }
  await migrate(db);
  return { storage: createSqlStorage(db), jobDatabase };
}

function jobScheduler(config: Config, jobDatabase: JobDatabase, logger: Logger, clock: Clock): PgBossScheduler {
  return new PgBossScheduler(jobDatabase, logger, {
    schema: config.jobs.schema,
    pollingIntervalSeconds: config.jobs.pollSeconds,
    heartbeatSeconds: config.jobs.heartbeatSeconds,
    superviseIntervalSeconds: config.jobs.superviseSeconds,
    retryDelaySeconds: config.jobs.retryDelaySeconds,
    now: () => clock.now(),
  });
}

/** Seeds the demo group for this year and the next, unless it is there already. */
async function seedDemo(config: Config, storage: SqlStorage, clock: Clock): Promise<SeedResult & { tenantId: string }> {
  const seed = await readGroupSeed(config.seedFile);
  const year = toStockholm(clock.now()).year;
  const result = await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock, ids: randomUUID }, seed, [year, year + 1]);
  return { ...result, tenantId: seed.tenant.id };
}

/** Production: the Teams SSO token, checked against the tenant's Entra keys, names a person. */
function tabSsoAuthenticator(config: Config, useCases: UseCases, logger: Logger, clock: Clock): Authenticator {
  if (!config.tabSso) return refuseAllAuthenticator;
  const sso = config.tabSso;
  return entraAuthenticator({
    tenantId: sso.tenantId,
    audiences: [sso.appIdUri, sso.appId],
    // The key cache counts real time even when a test stops the business clock.
    keys: new OpenIdKeys({ metadataUrl: sso.metadataUrl, logger, now: systemClock.now }),
    findPerson: (tenantId, objectId, email) => useCases.identify({ tenantId, aadObjectId: objectId, email }),
    now: () => clock.now(),
    logger,
  });
}

export async function startService(config: Config, logger: Logger, clock: Clock = systemClock): Promise<RunningService> {
  logger.info({ config: redactedSummary(config) }, 'starting Arbetsrum');
  const { storage, jobDatabase } = await openStorage(config);
  const closers: (() => Promise<void>)[] = [() => storage.close()];

  try {
    const locale = config.botLocale === 'en' ? 'en' : 'sv';
    const adapter = createCloudAdapter(config.bot, logger, config.botLocale);
    let seeded: (SeedResult & { tenantId: string }) | undefined;
    let graph: GraphConnection;
    if (config.mode === 'local') {
      seeded = await seedDemo(config, storage, clock);
      logger.info({ created: seeded.created, groupId: seeded.groupId }, seeded.created ? 'demo group seeded' : 'demo group already there');
      const standIn = await startGraphStandIn({ port: config.graphStandInPort, dataDir: config.dataDir, logger, ...config.graphStandIn });
      closers.unshift(() => standIn.close());
      // The stand-in takes any bearer token: the same Graph code runs, only the base URL differs.
      graph = { baseUrl: standIn.url, accessToken: async () => 'local-stand-in' };
      logger.info({ url: standIn.url.replace(/\/v1\.0$/, '/') }, 'what was stored, mailed and booked: open the Graph stand-in page');
    } else if (config.graph.kind === 'graph') {
      graph = { baseUrl: config.graph.baseUrl, accessToken: createGraphTokenSource(config.graph.auth) };
    } else {
      throw new ConfigError(['production mode needs Microsoft Graph: set GRAPH_AUTH']);
    }
    const mailer = new GraphMailer({ ...graph, sender: config.mailSender, locale });
    const scheduler = jobScheduler(config, jobDatabase, logger, clock);
    await scheduler.start();
    // Stopped before the database closes, after the worker that plans through it.
    closers.unshift(() => scheduler.stop());
    const worker = new OutboxWorker(logger, config.outboxIntervalMs);
    const useCases = createUseCases({
      repositories: storage.repositories,
      unitOfWork: storage.unitOfWork,
      clock,
      ids: randomUUID,
      messenger: new TeamsMessenger(adapter, config.bot.appId, locale),
      waiter: systemWaiter,
      roster: new TeamsRoster(adapter, config.bot.appId),
      logger,
      mailer,
      publishing: {
        documents: new GraphDocumentStore(graph, logger),
        renderer: new DocxRenderer(locale),
        minutesMailer: new GraphMinutesMailer(graph, config.mailSender, locale),
        calendar: new GraphGroupCalendar(graph, config.mailSender, locale),
        leaseMs: config.outboxLeaseMs,
      },
      reports: { renderer: new ReportDocxRenderer(locale), mailer: new GraphReportMailer(graph, config.mailSender, locale) },
      signal: worker,
      scheduler,
      deliveryLeaseMs: config.deliveryLeaseMs,
    });
    worker.start(useCases);
    await scheduler.work(async (payload) => {
      const { tenantId, key } = payload;
      if (!tenantId || !key) {
        logger.warn({ fields: Object.keys(payload) }, 'timed-work job without tenant or key: dropped');
        return;
      }
      await useCases.runTimedWork({ tenantId, key });
    });
    // Stopped first: a round in flight finishes before the database and the stand-in close.
    closers.unshift(() => worker.stop());
    const devSignIn = seeded
      ? {
          tenantId: seeded.tenantId,
          tokens: new DevTokens(() => clock.now()),
          listPeople: () => useCases.listSignInPeople(seeded.tenantId),
        }
      : undefined;

    const bot = createBotEndpoint(config.bot, useCases, logger, config.botLocale, adapter);
    const server = createHttpServer({
      mode: config.mode,
      logger,
      handleBotRequest: bot.handle,
      health: async () => ({
        database: await storage.ping().then(
          () => 'up' as const,
          () => 'down' as const,
        ),
      }),
      tabDir: path.join(repoRoot, 'tab', 'dist'),
      authenticator: devSignIn ? devTokenAuthenticator(devSignIn.tokens) : tabSsoAuthenticator(config, useCases, logger, clock),
      tabApi: useCases,
      writeRateLimit: config.writeRateLimit,
      ...(devSignIn ? { devSignIn } : {}),
    });
    await listen(server, config.port, config.host);
    closers.unshift(() => closeServer(server));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    logger.info({ url, bot: `${url}/api/messages`, tab: `${url}/tab/`, health: `${url}/healthz` }, 'Arbetsrum is listening');
    return {
      url,
      port,
      routes: () => Object.values(server.router.getRoutes()).map((route) => ({ method: route.method, path: String(route.path) })),
      close: async () => {
        for (const closeOne of closers) await closeOne();
      },
    };
  } catch (error) {
    for (const closeOne of closers) await closeOne().catch(() => undefined);
    throw error;
  }
}

async function seedCommand(config: Config, logger: Logger): Promise<void> {
  if (config.mode !== 'local') throw new ConfigError(['npm run seed seeds demo data and runs only in local mode (no MicrosoftAppId)']);
  const { storage } = await openStorage(config);
  try {
    const result = await seedDemo(config, storage, systemClock);
    logger.info(
      { created: result.created, groupId: result.groupId },
      result.created ? 'demo group seeded' : 'demo group already there: nothing changed',
    );
  } finally {
    await storage.close();
  }
}

/** `npm run jobs` (jobs-command.ts), on the configured database and pg-boss. */
async function jobsCommand(config: Config, logger: Logger, args: readonly string[]): Promise<void> {
  const { storage, jobDatabase } = await openStorage(config);
  try {
    process.exitCode = await runJobsCommand(
      {
        repositories: storage.repositories,
        clock: systemClock,
        startScheduler: async () => {
          const scheduler = jobScheduler(config, jobDatabase, logger, systemClock);
          await scheduler.start();
          return scheduler;
        },
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      },
      args,
    );
  } finally {
    await storage.close();
  }
}

async function run(): Promise<void> {
  // Relative paths (.env, DATA_DIR, SEED_FILE) mean the project folder, wherever it is started from.
  loadDotEnv(repoRoot);
  let config: Config;
  try {
    config = readConfig(process.env, repoRoot);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const logger = createLogger(config.logLevel);
  if (process.argv[2] === 'seed') {
    await seedCommand(config, logger);
    return;
  }
  if (process.argv[2] === 'group-setup') {
    const open = () => openStorage(config).then(({ storage }) => storage);
    const tenantId = config.mode === 'production' ? config.bot.appTenantId : undefined;
    process.exitCode = await runGroupSetup({ open, logger, clock: systemClock, ...(tenantId ? { tenantId } : {}) }, process.argv.slice(3));
    return;
  }
  if (process.argv[2] === 'jobs') {
    await jobsCommand(config, logger, process.argv.slice(3));
    return;
  }
  stopOnSignals(await startService(config, logger), logger);
}

if (require.main === module) {
  run().catch((error: unknown) => {
    process.stderr.write(`Arbetsrum could not start: ${startFailureReason(error)}\n`);
    process.exit(1);
  });
}
