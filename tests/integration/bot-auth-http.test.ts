/**
 * The bot endpoint in production mode over real HTTP, with Bot Framework tokens minted by a local
 * OpenID issuer standing in for Bot Framework's (BOT_OPENID_METADATA_URL, BOT_TOKEN_ISSUER; its
 * keys endorsed for `msteams`, as Bot Framework's are). The demo group is seeded first. A token
 * signed by the issuer's key, from its issuer, for this app, valid now and naming the activity's
 * serviceUrl is accepted and the bot answers through a recording Bot Connector (its own token for
 * the connector from a loopback App Service managed identity endpoint). Every other token — none,
 * a forged signature, `alg` none, HS256 with the public key, another audience or issuer, expired,
 * not yet valid, another serviceUrl, another channel — is refused with 401: nothing is sent, and
 * after the service stops the database shows nothing stored. On PGlite, and on PostgreSQL too when
 * TEST_DATABASE_URL is set.
 */
import { pgliteServiceTarget, postgresServiceTarget, type ServiceDatabaseTarget } from '../support/service-database-targets';
import { createServer } from 'node:net';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import type { SqlDatabase } from '../../bot/src/adapters/storage/sql-database';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import type { Logger } from '../../bot/src/app/ports/logger';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { sequentialIds } from '../support/group-seed-mother';
import { startLocalManagedIdentity, type LocalManagedIdentity } from '../support/local-managed-identity';
import { startLocalOpenIdIssuer, type LocalOpenIdIssuer, type MintOptions } from '../support/local-openid-issuer';
import { startRecordingConnector } from '../support/recording-connector';

const APP_ID = '11111111-1111-4111-8111-111111111111';
const SARA = { id: '29:sara', aadObjectId: '00000000-0000-4000-8000-000000000003', name: 'Sara Nilsson' };
const clock = { now: () => new Date('2026-03-01T10:00:00Z') };
/** Token lifetimes are checked against real time (botbuilder's jsonwebtoken), not the business clock. */
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A loopback URL nothing listens on: Graph, which these tests never need, fails fast there. */
async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1.0`;
}

/** What the database holds that a bot turn could change. */
async function snapshot(db: SqlDatabase, tenantId: string) {
  const q = <T>(sql: string) => db.query<T>(sql, [tenantId]);
  return {
    conversations: (
      await q<{ conversation_id: string }>('SELECT conversation_id FROM conversation_reference WHERE tenant_id = $1 ORDER BY 1')
    ).map((r) => r.conversation_id),
    people: await q<{ id: string; aad_object_id: string | null; email: string | null }>(
      'SELECT id, aad_object_id, email FROM person WHERE tenant_id = $1 ORDER BY id',
    ),
    audit: (await q<{ action: string }>('SELECT action FROM audit_event WHERE tenant_id = $1 ORDER BY id')).map((r) => r.action),
    deliveries: (await q<{ n: string }>('SELECT count(*) AS n FROM delivery WHERE tenant_id = $1')).map((r) => Number(r.n)),
  };
}

const targets: [string, () => Promise<ServiceDatabaseTarget>][] = [['PGlite', () => pgliteServiceTarget('bot-auth')]];
if (process.env.TEST_DATABASE_URL) targets.push(['PostgreSQL', () => postgresServiceTarget(process.env.TEST_DATABASE_URL!, 'bot_auth')]);

// One managed identity for the file: botbuilder keeps the bot's token for the connector in the process.
let identity: LocalManagedIdentity;
const savedEnv = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };
beforeAll(async () => {
  identity = await startLocalManagedIdentity();
  Object.assign(process.env, identity.env);
});
afterAll(async () => {
  await identity?.close();
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) Reflect.deleteProperty(process.env, key);
    else process.env[key] = value;
  }
});

describe.each(targets)('Bot Framework tokens at POST /api/messages in production mode (%s)', (_name, makeTarget) => {
  let target: ServiceDatabaseTarget;
  let issuer: LocalOpenIdIssuer;
  let connector: Awaited<ReturnType<typeof startRecordingConnector>>;
  /** Where a replayed token would send the bot: must hear nothing. */
  let attacker: Awaited<ReturnType<typeof startRecordingConnector>>;
  let service: RunningService | undefined;
  let tenantId: string;
  let before: Awaited<ReturnType<typeof snapshot>>;
  const refusals: string[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (fields, message) => {
      if (/bot activity refused/.test(message)) refusals.push(String((fields as { reason?: unknown }).reason));
    },
  };
  let consoleError: jest.SpyInstance;

  beforeAll(async () => {
    // botbuilder reports every refused token on console.error.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    target = await makeTarget();
    const demo = await readGroupSeed(DEMO_SEED_FILE);
    tenantId = demo.tenant.id;
    [issuer, connector, attacker] = await Promise.all([
      // Shaped like Bot Framework's: its own origin as issuer, its metadata path, keys endorsed per channel.
      startLocalOpenIdIssuer({
        issuer: (url) => url,
        metadataPath: '/v1/.well-known/openidconfiguration',
        jwkExtras: { endorsements: ['msteams'] },
      }),
      startRecordingConnector({}),
      startRecordingConnector({}),
    ]);

    const db = await target.open();
    try {
      await migrate(db);
      const storage = createSqlStorage(db);
      await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock, ids: sequentialIds('bot-auth') }, demo, [2026]);
      before = await snapshot(db, tenantId);
    } finally {
      await db.close();
    }

    const base = readConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: tenantId,
      BOT_OPENID_METADATA_URL: issuer.metadataUrl,
      BOT_TOKEN_ISSUER: issuer.issuer,
      DATABASE_URL: 'postgres://replaced.invalid/by-the-target',
      HOST: '127.0.0.1',
      // Nothing here reaches beyond loopback: the tab's issuer is the local one, Graph is nowhere.
      ENTRA_OPENID_METADATA_URL: issuer.metadataUrl,
      GRAPH_AUTH: 'managed-identity',
      GRAPH_BASE_URL: await closedLoopbackUrl(),
      // No background rounds during the test: only the bot's turns send anything.
      OUTBOX_INTERVAL_MS: '600000',
      JOBS_POLL_SECONDS: '600',
    });
    service = await startService({ ...target.config(base), port: 0 }, logger, clock);
  }, 60_000); // a few seconds alone; more on a busy machine

  afterAll(async () => {
    await service?.close();
    await Promise.all([issuer?.close(), connector?.close(), attacker?.close()]);
    await target?.cleanUp();
    consoleError.mockRestore();
  });

  /** A Bot Framework channel token's claims, as Bot Framework sends them. */
  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: issuer.issuer,
    aud: APP_ID,
    serviceurl: connector.url,
    nbf: nowSeconds() - 60,
    exp: nowSeconds() + 3600,
    ...overrides,
  });
  const bearer = (overrides: Record<string, unknown> = {}, options: MintOptions = {}) =>
    `Bearer ${issuer.mint(claims(overrides), options)}`;

  /** Sara, a delegate of the demo group, writes `hjälp` in her personal chat with the bot. */
  const activity = (conversationId: string, overrides: Record<string, unknown> = {}) => ({
    type: 'message',
    id: `msg-${conversationId}`,
    text: 'hjälp',
    channelId: 'msteams',
    serviceUrl: connector.url,
    locale: 'sv-SE',
    from: SARA,
    recipient: { id: `28:${APP_ID}`, name: 'Arbetsrum' },
    conversation: { id: conversationId, conversationType: 'personal', tenantId, isGroup: false },
    channelData: { tenant: { id: tenantId } },
    ...overrides,
  });
  const post = (body: unknown, authorization?: string) =>
    fetch(`${service!.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(authorization !== undefined ? { Authorization: authorization } : {}) },
      body: JSON.stringify(body),
    });

  it('accepts a token from the configured issuer for this app and this serviceUrl, and the bot answers', async () => {
    const res = await post(activity('a:personal-sara'), bearer());
    expect(res.status).toBe(200);
    expect(connector.sent).toEqual([expect.objectContaining({ conversationId: 'a:personal-sara' })]);
    expect(connector.sent[0]!.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    // The reply went out with the bot's own token, asked of its managed identity for Bot Framework.
    expect(identity.requests).toContainEqual({ resource: 'https://api.botframework.com', clientId: APP_ID, headerOk: true });
    expect(issuer.requests.jwks).toBeGreaterThan(0);
    expect(refusals).toEqual([]);
  });

  const pkcs1 = () => issuer.current.publicKey.export({ format: 'pem', type: 'pkcs1' }) as string;
  // [what, the request, why it is refused (the logged reason)]
  const cases: [string, (conversationId: string) => [unknown, string | undefined], RegExp][] = [
    ['no Authorization header', (c) => [activity(c), undefined], /no Authorization header/],
    ['a token that is no JWT', (c) => [activity(c), 'Bearer not.a.jwt'], /No valid identity/],
    ['a signature by a key not in the JWKS', (c) => [activity(c), bearer({}, { key: issuer.forgeryKey })], /invalid signature/],
    ['alg none', (c) => [activity(c), bearer({}, { alg: 'none' })], /signature is required|invalid algorithm/],
    ['HS256 keyed with the public key (SPKI PEM)', (c) => [activity(c), bearer({}, { alg: 'HS256' })], /invalid algorithm/],
    [
      'HS256 keyed with the public key (PKCS#1 PEM)',
      (c) => [activity(c), bearer({}, { alg: 'HS256', secret: pkcs1() })],
      /invalid algorithm/,
    ],
    ['a key id the JWKS does not have', (c) => [activity(c), bearer({}, { kid: 'made-up-key-id' })], /Signing Key could not be retrieved/],
    ['another audience', (c) => [activity(c), bearer({ aud: '33333333-3333-4333-8333-333333333333' })], /Invalid AppId/],
    ['no audience', (c) => [activity(c), bearer({ aud: undefined })], /Invalid AppId/],
    [
      "Bot Framework's real issuer (not the configured one)",
      (c) => [activity(c), bearer({ iss: 'https://api.botframework.com' })],
      /No valid identity/,
    ],
    ['an issuer that differs by a slash', (c) => [activity(c), bearer({ iss: `${issuer.issuer}/` })], /No valid identity/],
    [
      'an expired token (past the 5 minutes of skew)',
      (c) => [activity(c), bearer({ nbf: nowSeconds() - 7200, exp: nowSeconds() - 600 })],
      /expired/,
    ],
    [
      'a token not valid yet (past the 5 minutes of skew)',
      (c) => [activity(c), bearer({ nbf: nowSeconds() + 600, exp: nowSeconds() + 7200 })],
      /not active/,
    ],
    ['a serviceurl claim for another connector', (c) => [activity(c), bearer({ serviceurl: attacker.url })], /ServiceUrl claim/],
    ['a genuine token replayed with another serviceUrl', (c) => [activity(c, { serviceUrl: attacker.url }), bearer()], /ServiceUrl claim/],
    ['no serviceurl claim', (c) => [activity(c), bearer({ serviceurl: undefined })], /ServiceUrl claim/],
    ['an activity without a serviceUrl', (c) => [activity(c, { serviceUrl: undefined }), bearer()], /no serviceUrl/],
    ['a channel the key is not endorsed for', (c) => [activity(c, { channelId: 'webchat' }), bearer()], /endorsement/],
    ['an activity without a channelId', (c) => [activity(c, { channelId: undefined }), bearer()], /no channelId/],
    ['an activity with an empty channelId (no endorsement checked)', (c) => [activity(c, { channelId: '' }), bearer()], /no channelId/],
  ];

  it.each(cases.map(([what, request, reason], i) => [what, request, reason, `a:refused-${i}`] as const))(
    'refuses %s with 401 and sends nothing',
    async (_what, request, reason, conversationId) => {
      const sentBefore = connector.sent.length;
      const refusedBefore = refusals.length;
      const [body, authorization] = request(conversationId);
      const res = await post(body, authorization);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'unauthenticated' });
      expect(refusals.slice(refusedBefore)).toEqual([expect.stringMatching(reason)]);
      expect(connector.sent.length).toBe(sentBefore);
      expect(connector.updated).toEqual([]);
      expect(attacker.requests()).toBe(0);
    },
  );

  it('stored nothing for the refused activities (checked in the database after stopping the service)', async () => {
    await service!.close();
    service = undefined;
    const db = await target.open();
    try {
      const after = await snapshot(db, tenantId);
      // The accepted turn stored Sara's chat, and nothing else changed.
      expect(after.conversations).toEqual([...before.conversations, 'a:personal-sara'].sort());
      expect(after.conversations.filter((c) => c.startsWith('a:refused-'))).toEqual([]);
      expect(after.people).toEqual(before.people);
      expect(before.audit).toContain('group.seeded');
      expect(after.audit).toEqual(before.audit);
      expect(after.deliveries).toEqual(before.deliveries);
    } finally {
      await db.close();
    }
  });
});
