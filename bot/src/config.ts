/**
 * Configuration, read once at start from the environment (and an optional git-ignored `.env`),
 * validated, and summarised with secrets redacted. No configuration at all means local mode:
 * PGlite, the Agents Playground, the Graph stand-in, bot auth off. Every variable is documented
 * in `.env.template`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
// Types only: config.ts belongs to the composition root (see .dependency-cruiser.cjs), and the
// adapter that uses these settings is the one that defines their shape.
import type { GraphAuth } from './adapters/graph/graph-token-source';
import type { BotAuthSettings } from './adapters/teams/bot-endpoint';
import { readCertificateFile } from './graph-certificate-file';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const port = (fallback: number) => z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(fallback));
/** An https URL, or plain http on loopback where tests run their stand-ins. */
const httpsOrLoopbackUrl = z.preprocess(
  emptyToUndefined,
  z
    .url()
    .refine((u) => /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(u), 'https, or http on loopback')
    .optional(),
);

const schema = z
  .object({
    PORT: port(3978),
    HOST: z.preprocess(emptyToUndefined, z.string().max(255).optional()),
    ARBETSRUM_MODE: z.preprocess(emptyToUndefined, z.enum(['local', 'production']).optional()),
    /** Set by Azure App Service on every instance: a sure sign this is not a laptop. */
    WEBSITE_SITE_NAME: optionalString,
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
    DATABASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
    SEED_FILE: z.preprocess(emptyToUndefined, z.string().default('./bot/seed/ekologiska-hallbarhetsgruppen.json')),
    GRAPH_STAND_IN_PORT: port(3979),
    /** Tests of crashes and throttling: the stand-in waits this long after writing before it answers. */
    GRAPH_STAND_IN_AFTER_WRITE_DELAY_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(120_000).optional()),
    /** Tests of throttling: "<status>:<every nth request>:<Retry-After seconds>", e.g. 429:3:1. */
    GRAPH_STAND_IN_FAULTS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(429|503):[1-9]\d{0,3}:\d{1,3}$/, 'status:everyNth:retryAfterSeconds, e.g. 429:3:1')
        .optional(),
    ),
    /** How often the background worker looks for due publications and calendar updates. */
    OUTBOX_INTERVAL_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(50).max(600_000).default(5_000)),
    /** How long a publishing run holds its work between steps; a crashed run's work is taken up after it. */
    OUTBOX_LEASE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1_000).max(3_600_000).default(180_000)),
    /** The schema pg-boss keeps its jobs in, in the service's own database. */
    JOBS_SCHEMA: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case schema name')
        .default('pgboss'),
    ),
    /** How often an instance asks pg-boss for due timed work (reminders, calls, the kallelse). */
    JOBS_POLL_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(0.5).max(600).default(5)),
    /** A worker silent this long is taken for dead and its run handed to another instance (≥ 10). */
    JOBS_HEARTBEAT_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(3_600).default(30)),
    /** How often pg-boss looks for runs whose worker died. */
    JOBS_SUPERVISE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3_600).default(30)),
    /** The first retry of a failed run; later retries back off to half an hour. */
    JOBS_RETRY_DELAY_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3_600).default(30)),
    /** How long a sender holds one person's message; a message held by a process that died is sent after it. */
    DELIVERY_LEASE_MS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1_000).max(3_600_000).default(600_000)),
    /** Tab API writes per person a minute (half of them at once) before 429. */
    WRITES_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(10).max(100_000).default(120)),
    PLAYGROUND_PORT: port(56150),
    BOT_LOCALE: z.preprocess(emptyToUndefined, z.enum(['auto', 'sv', 'en']).optional()),
    MAIL_SENDER: z.preprocess(emptyToUndefined, z.email().max(320).default('arbetsrum@arbetsrum.local')),
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    // New multi-tenant bot registrations are deprecated; only these two are supported.
    MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['UserAssignedMSI', 'SingleTenant']).optional()),
    MicrosoftAppTenantId: optionalString,
    /** Tests point these at a local issuer; unset = Bot Framework's OpenID document and issuer. */
    BOT_OPENID_METADATA_URL: httpsOrLoopbackUrl,
    BOT_TOKEN_ISSUER: z.preprocess(emptyToUndefined, z.string().trim().max(400).optional()),
    // Teams SSO for the tab (production). The Entra app the tab's token is for: a managed
    // identity cannot expose an API, so with UserAssignedMSI this is an app registration of its own.
    TAB_APP_ID: optionalString,
    TAB_APP_ID_URI: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .max(400)
        .regex(/^(api|https):\/\/\S+$/, 'an application ID URI such as api://arbetsrum.example.se/<app id>')
        .optional(),
    ),
    /** Tests point this at a local issuer; production uses Entra's document for the tenant. */
    ENTRA_OPENID_METADATA_URL: httpsOrLoopbackUrl,
    // Microsoft Graph (production): how the service gets its app-only token, and where Graph is.
    GRAPH_AUTH: z.preprocess(emptyToUndefined, z.enum(['managed-identity', 'client-secret', 'certificate']).optional()),
    GRAPH_TENANT_ID: optionalString,
    GRAPH_CLIENT_ID: optionalString,
    GRAPH_CLIENT_SECRET: optionalString,
    GRAPH_CERTIFICATE_PATH: optionalString,
    GRAPH_BASE_URL: httpsOrLoopbackUrl,
  })
  .superRefine((env, ctx) => {
    if (!env.MicrosoftAppId) {
      if (env.ARBETSRUM_MODE === 'production') {
        ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'required in production mode (ARBETSRUM_MODE=production)' });
      } else if ((env.DATABASE_URL || env.WEBSITE_SITE_NAME) && env.ARBETSRUM_MODE !== 'local') {
        // Local mode turns bot auth off and opens a dev sign-in: never by accident on a server.
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppId'],
          message:
            'missing, but DATABASE_URL or App Service says this is a server. Without MicrosoftAppId Arbetsrum runs in local mode (bot auth off, dev sign-in). Set MicrosoftAppId for production, or ARBETSRUM_MODE=local to run local mode against this database on purpose',
        });
      }
      return;
    }
    if (env.ARBETSRUM_MODE === 'local') {
      ctx.addIssue({
        code: 'custom',
        path: ['ARBETSRUM_MODE'],
        message: 'local mode cannot be combined with MicrosoftAppId: unset one of them',
      });
    }
    // Production mode: everything local mode fakes must be named.
    if (!env.DATABASE_URL)
      ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'required when MicrosoftAppId is set (production mode)' });
    if (!env.MicrosoftAppType)
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppType'], message: 'required in production mode: UserAssignedMSI or SingleTenant' });
    if (!env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'required for UserAssignedMSI and SingleTenant bots' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'required for a SingleTenant bot with a client secret' });
    }
    const graph = env.GRAPH_AUTH;
    const need = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
    if (env.BOT_TOKEN_ISSUER && !env.BOT_OPENID_METADATA_URL) need('BOT_TOKEN_ISSUER', 'only with BOT_OPENID_METADATA_URL');
    if (!graph) need('GRAPH_AUTH', 'required in production mode: managed-identity (recommended), client-secret or certificate');
    if (graph && graph !== 'managed-identity' && !env.GRAPH_CLIENT_ID)
      need('GRAPH_CLIENT_ID', `required for GRAPH_AUTH=${graph}: the app registration's client id`);
    if (graph === 'client-secret' && !env.GRAPH_CLIENT_SECRET) need('GRAPH_CLIENT_SECRET', 'required for GRAPH_AUTH=client-secret');
    if (graph === 'certificate' && !env.GRAPH_CERTIFICATE_PATH)
      need('GRAPH_CERTIFICATE_PATH', 'required for GRAPH_AUTH=certificate: a PEM file with the private key and the certificate');
  });

export type Mode = 'local' | 'production';

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };
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
  const parsed = schema.safeParse(env);
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
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
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

/** Production only, after validation: the credentials GRAPH_AUTH names. */
function graphAuth(e: z.infer<typeof schema>, cwd: string): GraphAuth {
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
    database: config.database.kind === 'postgres' ? { kind: 'postgres', url: redactUrl(config.database.url) } : config.database,
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
