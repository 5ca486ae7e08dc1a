/**
 * Configuration, read once at start from the environment (and an optional git-ignored `.env`),
 * validated, and summarised with secrets redacted. No configuration at all means local mode:
 * PGlite, the Agents Playground, the Graph stand-in, bot auth off. Every variable is documented
 * in `.env.template`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { envSchema } from './config-env-schema';
// Types only: config.ts belongs to the composition root (see .dependency-cruiser.cjs), and the
// adapter that uses these settings is the one that defines their shape.
import type { GraphAuth } from './adapters/graph/graph-token-source';
import type { BotAuthSettings } from './adapters/teams/bot-endpoint';
import { readCertificateFile } from './graph-certificate-file';

export type Mode = 'local' | 'production';

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  database:
    | { kind: 'pglite'; dataDir: string }
    /** `managed-identity`: the password is an Entra token from that identity (its client id; none = system-assigned). */
    | { kind: 'postgres'; url: string; auth: { kind: 'password' } | { kind: 'managed-identity'; clientId?: string } };
  dataDir: string;
  seedFile: string;
  graphStandInPort: number;
  /** Local mode: faults the Graph stand-in injects, for tests of crashes and throttling. */
  graphStandIn: { afterWriteDelayMs?: number; faults?: { status: 429 | 503; everyNth: number; retryAfterSeconds: number } };
  outboxIntervalMs: number;
  outboxLeaseMs: number;
  jobs: { schema: string; pollSeconds: number; heartbeatSeconds: number; superviseSeconds: number; retryDelaySeconds: number };
  deliveryLeaseMs: number;
  /** The tab API's writes per person: `perMinute` on average, `burst` at once. */
  writeRateLimit: { perMinute: number; burst: number };
  playgroundPort: number;
  bot: BotAuthSettings;
  /**
   * The bot's language: `auto` follows the Teams locale of each message. Local mode defaults to
   * Swedish because the Agents Playground always says "en-US".
   */
  botLocale: 'auto' | 'sv' | 'en';
  /** The service mailbox mail is sent from. */
  mailSender: string;
  /** How the tab API checks Teams SSO tokens; null in local mode (dev sign-in). */
  tabSso: { tenantId: string; appId: string; appIdUri: string; metadataUrl: string } | null;
  /** Microsoft Graph: the local stand-in, or graph.microsoft.com with app-only tokens (production). */
  graph: { kind: 'stand-in' } | { kind: 'graph'; baseUrl: string; auth: GraphAuth };
}

/** Printed under every configuration error: the one fact that explains most of them. */
export const MODE_HINT =
  'MicrosoftAppId decides the mode: set, Arbetsrum runs in production mode and needs the variables above; empty, it runs in local mode. Every variable is described in .env.template.';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${MODE_HINT}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` from `cwd` into `env` when the file exists; variables already set win. */
export function loadDotEnv(cwd: string = process.cwd()): void {
  const file = path.join(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR);
  const mode: Mode = e.MicrosoftAppId ? 'production' : 'local';
  return {
    mode,
    port: e.PORT,
    // Local mode has no authentication: it listens on this machine only unless told otherwise.
    host: e.HOST ?? (mode === 'local' ? '127.0.0.1' : '0.0.0.0'),
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, auth: databaseAuth(e) }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    seedFile: path.resolve(cwd, e.SEED_FILE),
    graphStandInPort: e.GRAPH_STAND_IN_PORT,
    graphStandIn: standInFaults(e.GRAPH_STAND_IN_AFTER_WRITE_DELAY_MS, e.GRAPH_STAND_IN_FAULTS),
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    jobs: {
      schema: e.JOBS_SCHEMA,
      pollSeconds: e.JOBS_POLL_SECONDS,
      heartbeatSeconds: e.JOBS_HEARTBEAT_SECONDS,
      superviseSeconds: e.JOBS_SUPERVISE_SECONDS,
      retryDelaySeconds: e.JOBS_RETRY_DELAY_SECONDS,
    },
    deliveryLeaseMs: e.DELIVERY_LEASE_MS,
    writeRateLimit: { perMinute: e.WRITES_PER_MINUTE, burst: Math.ceil(e.WRITES_PER_MINUTE / 2) },
    playgroundPort: e.PLAYGROUND_PORT,
    bot: {
      appId: e.MicrosoftAppId ?? '',
      appPassword: e.MicrosoftAppPassword ?? '',
      appType: e.MicrosoftAppType ?? '',
      appTenantId: e.MicrosoftAppTenantId ?? '',
      ...(e.BOT_OPENID_METADATA_URL
        ? { channelTokens: { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL, ...(e.BOT_TOKEN_ISSUER ? { issuer: e.BOT_TOKEN_ISSUER } : {}) } }
        : {}),
    },
    botLocale: e.BOT_LOCALE ?? (mode === 'local' ? 'sv' : 'auto'),
    mailSender: e.MAIL_SENDER,
    tabSso:
      mode === 'production'
        ? {
            tenantId: e.MicrosoftAppTenantId ?? '',
            appId: e.TAB_APP_ID ?? e.MicrosoftAppId ?? '',
            appIdUri: e.TAB_APP_ID_URI ?? `api://${e.TAB_APP_ID ?? e.MicrosoftAppId ?? ''}`,
            metadataUrl:
              e.ENTRA_OPENID_METADATA_URL ??
              `https://login.microsoftonline.com/${encodeURIComponent(e.MicrosoftAppTenantId ?? '')}/v2.0/.well-known/openid-configuration`,
          }
        : null,
    graph:
      mode === 'production'
        ? { kind: 'graph', baseUrl: (e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''), auth: graphAuth(e, cwd) }
        : { kind: 'stand-in' },
  };
}

function standInFaults(afterWriteDelayMs: number | undefined, faults: string | undefined): Config['graphStandIn'] {
  const [status, everyNth, retryAfterSeconds] = (faults ?? '').split(':').map(Number);
  return {
    ...(afterWriteDelayMs !== undefined ? { afterWriteDelayMs } : {}),
    ...(faults ? { faults: { status: status as 429 | 503, everyNth: everyNth ?? 1, retryAfterSeconds: retryAfterSeconds ?? 0 } } : {}),
  };
}

function certificateFile(file: string): { privateKeyPem: string; certificatePem: string } {
  try {
    return readCertificateFile(file);
  } catch (error) {
    throw new ConfigError([(error as Error).message]);
  }
}

function databaseAuth(e: z.infer<typeof envSchema>): { kind: 'password' } | { kind: 'managed-identity'; clientId?: string } {
  if (e.DATABASE_AUTH === 'password') return { kind: 'password' };
  return { kind: 'managed-identity', ...(e.DATABASE_CLIENT_ID ? { clientId: e.DATABASE_CLIENT_ID } : {}) };
}

/** Production only, after validation: the credentials GRAPH_AUTH names. */
function graphAuth(e: z.infer<typeof envSchema>, cwd: string): GraphAuth {
  if (e.GRAPH_AUTH === 'managed-identity')
    return { kind: 'managed-identity', ...(e.GRAPH_CLIENT_ID ? { clientId: e.GRAPH_CLIENT_ID } : {}) };
  // The data the service works on lives in the bot's tenant (a single-tenant bot).
  const common = { tenantId: e.GRAPH_TENANT_ID ?? e.MicrosoftAppTenantId ?? '', clientId: e.GRAPH_CLIENT_ID ?? '' };
  if (e.GRAPH_AUTH === 'client-secret') return { kind: 'client-secret', ...common, clientSecret: e.GRAPH_CLIENT_SECRET ?? '' };
  return { kind: 'certificate', ...common, ...certificateFile(path.resolve(cwd, e.GRAPH_CERTIFICATE_PATH ?? '')) };
}

/** What the log may say about the configuration: secrets and credentials in URLs are masked. */
export function redactedSummary(config: Config): Record<string, unknown> {
  return {
    mode: config.mode,
    port: config.port,
    host: config.host,
    logLevel: config.logLevel,
    database: config.database.kind === 'postgres' ? { ...config.database, url: redactUrl(config.database.url) } : config.database,
    seedFile: config.seedFile,
    botLocale: config.botLocale,
    bot: {
      appId: config.bot.appId || '(none: auth off, local mode)',
      appPassword: config.bot.appPassword ? '***' : '(none)',
      appType: config.bot.appType,
      appTenantId: config.bot.appTenantId || '(none)',
      channelTokens: config.bot.channelTokens ?? "(Bot Framework's)",
    },
    tabSso: config.tabSso ?? '(none: dev sign-in, local mode)',
    graph:
      config.graph.kind === 'stand-in'
        ? '(stand-in on loopback, local mode)'
        : { baseUrl: config.graph.baseUrl, auth: redactGraphAuth(config.graph.auth) },
  };
}

function redactGraphAuth(auth: GraphAuth): Record<string, unknown> {
  if (auth.kind === 'managed-identity') return { kind: auth.kind, clientId: auth.clientId ?? '(system-assigned)' };
  const { kind, tenantId, clientId } = auth;
  return auth.kind === 'client-secret'
    ? { kind, tenantId, clientId, clientSecret: '***' }
    : { kind, tenantId, clientId, privateKey: '***', certificate: '***' };
}

/** Host, port and database name only: a password may hide in the user info or in a parameter. */
function redactUrl(raw: string): string {
  const url = new URL(raw);
  if (url.password) url.password = '***';
  for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '***');
  return url.toString();
}
