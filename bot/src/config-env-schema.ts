/**
 * The environment variables Arbetsrum reads, with their defaults and limits, and the rules that
 * tie them together in production mode. config.ts turns the parsed result into the Config.
 */
import { z } from 'zod';

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

export const envSchema = z
  .object({
    PORT: port(3978),
    HOST: z.preprocess(emptyToUndefined, z.string().max(255).optional()),
    ARBETSRUM_MODE: z.preprocess(emptyToUndefined, z.enum(['local', 'production']).optional()),
    /** Set by Azure App Service on every instance: a sure sign this is not a laptop. */
    WEBSITE_SITE_NAME: optionalString,
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
    DATABASE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    /**
     * How the service signs in to PostgreSQL: with what DATABASE_URL holds, or with an Entra token
     * from the managed identity as the password (Azure Database for PostgreSQL with Entra
     * authentication: no password exists to store or rotate).
     */
    DATABASE_AUTH: z.preprocess(emptyToUndefined, z.enum(['password', 'managed-identity']).default('password')),
    /** The user-assigned identity's client id for DATABASE_AUTH=managed-identity; empty = system-assigned. */
    DATABASE_CLIENT_ID: optionalString,
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
    if (env.DATABASE_AUTH === 'managed-identity' && env.DATABASE_URL) {
      const url = new URL(env.DATABASE_URL);
      if (url.password) need('DATABASE_URL', 'must hold no password with DATABASE_AUTH=managed-identity: the Entra token is the password');
      if (!url.username)
        need('DATABASE_URL', "needs the user with DATABASE_AUTH=managed-identity: the identity's name as the server knows it");
    }
    if (env.BOT_TOKEN_ISSUER && !env.BOT_OPENID_METADATA_URL) need('BOT_TOKEN_ISSUER', 'only with BOT_OPENID_METADATA_URL');
    if (!graph) need('GRAPH_AUTH', 'required in production mode: managed-identity (recommended), client-secret or certificate');
    if (graph && graph !== 'managed-identity' && !env.GRAPH_CLIENT_ID)
      need('GRAPH_CLIENT_ID', `required for GRAPH_AUTH=${graph}: the app registration's client id`);
    if (graph === 'client-secret' && !env.GRAPH_CLIENT_SECRET) need('GRAPH_CLIENT_SECRET', 'required for GRAPH_AUTH=client-secret');
    if (graph === 'certificate' && !env.GRAPH_CERTIFICATE_PATH)
      need('GRAPH_CERTIFICATE_PATH', 'required for GRAPH_AUTH=certificate: a PEM file with the private key and the certificate');
  });
