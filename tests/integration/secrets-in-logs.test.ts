/**
 * No secret in any log line. The service runs as its own process in production mode, at debug
 * level, with known secret values configured: the bot's client secret, Graph's client secret and
 * a password in the database URL. A whole flow goes through it — Teams SSO sign-ins, a proposal,
 * a decision, a kallelse, a bot turn, refused tokens, and the background rounds that call Graph
 * and Entra (which fail here: nothing beyond loopback answers, and the failures are logged). Then
 * every line the process wrote, on stdout and stderr, is searched for each secret and for every
 * token used. Runs where TEST_DATABASE_URL is set (production mode needs PostgreSQL).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPostgresDatabase } from '../../bot/src/adapters/storage/postgres-database';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { withSearchPath } from '../support/database';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { entraClaims, entraIssuerV2 } from '../support/entra-claims';
import { sequentialIds } from '../support/group-seed-mother';
import { startLocalOpenIdIssuer, type LocalOpenIdIssuer } from '../support/local-openid-issuer';
import { startRecordingConnector } from '../support/recording-connector';
import { startServiceProcess, stopped, waitFor, type ServiceProcess } from '../support/service-process';

const url = process.env.TEST_DATABASE_URL;
const describeWithPostgres = url ? describe : describe.skip;

const APP_ID = '11111111-1111-4111-8111-111111111111';
const ANNA = '00000000-0000-4000-8000-000000000001'; // strategist
const SARA = '00000000-0000-4000-8000-000000000003'; // delegate

/** Long and unlike anything else, so a match can only be the secret itself. */
const secret = (label: string) => `${label}-${randomBytes(18).toString('base64url')}`;

describeWithPostgres('secrets in the logs', () => {
  const schema = `test_secrets_${randomBytes(5).toString('hex')}`;
  const secrets = { botPassword: secret('bot'), graphSecret: secret('graph'), databasePassword: secret('db') };
  /** Every bearer token sent; their signatures must not show either. */
  const tokens: string[] = [];
  let botIssuer: LocalOpenIdIssuer;
  let entraIssuer: LocalOpenIdIssuer;
  let connector: Awaited<ReturnType<typeof startRecordingConnector>>;
  let service: ServiceProcess;
  let tenantId: string;
  let output = '';

  const admin = async (sql: string) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };

  beforeAll(async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    const demo = await readGroupSeed(DEMO_SEED_FILE);
    tenantId = demo.tenant.id;
    const db = openPostgresDatabase(withSearchPath(url!, schema));
    try {
      await migrate(db);
      const storage = createSqlStorage(db);
      await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock: { now: () => new Date() }, ids: sequentialIds('secrets') }, demo, [
        new Date().getUTCFullYear(),
        new Date().getUTCFullYear() + 1,
      ]);
    } finally {
      await db.close();
    }
    [botIssuer, entraIssuer, connector] = await Promise.all([
      startLocalOpenIdIssuer({
        issuer: (u) => u,
        metadataPath: '/v1/.well-known/openidconfiguration',
        jwkExtras: { endorsements: ['msteams'] },
      }),
      startLocalOpenIdIssuer({ issuer: entraIssuerV2(tenantId) }),
      startRecordingConnector({}),
    ]);
    // The trust-auth server takes any password: the secret travels in the URL as it would in production.
    const databaseUrl = new URL(withSearchPath(url!, schema));
    databaseUrl.password = secrets.databasePassword;
    service = await startServiceProcess({
      LOG_LEVEL: 'debug',
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: tenantId,
      MicrosoftAppPassword: secrets.botPassword,
      BOT_OPENID_METADATA_URL: botIssuer.metadataUrl,
      BOT_TOKEN_ISSUER: botIssuer.issuer,
      DATABASE_URL: databaseUrl.toString(),
      JOBS_SCHEMA: schema,
      HOST: '127.0.0.1',
      TAB_APP_ID_URI: `api://arbetsrum.example.se/${APP_ID}`,
      ENTRA_OPENID_METADATA_URL: entraIssuer.metadataUrl,
      GRAPH_AUTH: 'client-secret',
      GRAPH_CLIENT_ID: '44444444-4444-4444-8444-444444444444',
      GRAPH_CLIENT_SECRET: secrets.graphSecret,
      // Background rounds often, so their failures (Entra and Graph unreachable) are logged too.
      OUTBOX_INTERVAL_MS: '500',
      JOBS_POLL_SECONDS: '1',
    });
  }, 90_000);

  afterAll(async () => {
    if (service && service.child.exitCode === null) {
      service.child.kill('SIGKILL');
      await stopped(service.child);
    }
    await Promise.all([botIssuer?.close(), entraIssuer?.close(), connector?.close()]);
    await admin(`DROP SCHEMA ${schema} CASCADE`);
  });

  const tabToken = (oid: string) => {
    const token = entraIssuer.mint(entraClaims({ tenantId, appId: APP_ID, oid, now: new Date() }));
    tokens.push(token);
    return token;
  };
  const api = (route: string, token: string | null, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${service.url}/api${route}`, {
      method: init.method ?? 'GET',
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  it('runs a whole flow through the service', async () => {
    const anna = tabToken(ANNA);
    const sara = tabToken(SARA);
    const me = await api('/me', sara);
    expect(me.status).toBe(200);
    const groupId = ((await me.json()) as { groups: { id: string }[] }).groups[0]!.id;
    const overview = await api(`/groups/${groupId}/overview`, anna);
    expect(overview.status).toBe(200);
    const meetingId = ((await overview.json()) as { nextMeeting: { id: string } }).nextMeeting.id;

    const proposed = await api(`/groups/${groupId}/proposals`, sara, {
      method: 'POST',
      body: {
        submissionKey: 'secrets-1',
        title: 'Laddplatser vid förskolor',
        description: 'Fler laddplatser.',
        kind: 'diskussion',
        organisationId: null,
        goalIds: [],
        minutesNeeded: 15,
        meetingId,
      },
    });
    expect(proposed.status).toBe(201);
    const proposalId = ((await proposed.json()) as { proposal: { id: string } }).proposal.id;
    expect((await api(`/proposals/${proposalId}/decision`, anna, { method: 'POST', body: { decision: 'accept', meetingId } })).status).toBe(
      200,
    );
    // The kallelse reaches no one in Teams (nobody has chatted with the bot) and falls back to mail,
    // which needs Graph: its token from Entra, with the client secret, fails here.
    expect((await api(`/meetings/${meetingId}/kallelse`, anna, { method: 'POST', body: {} })).status).toBeLessThan(500);

    // Refused tab tokens: forged, and for another app.
    const forged = entraIssuer.mint(entraClaims({ tenantId, appId: APP_ID, oid: ANNA, now: new Date() }), { key: entraIssuer.forgeryKey });
    const otherApp = entraIssuer.mint(entraClaims({ tenantId, appId: '55555555-5555-4555-8555-555555555555', oid: ANNA, now: new Date() }));
    tokens.push(forged, otherApp);
    expect((await api('/me', forged)).status).toBe(401);
    expect((await api('/me', otherApp)).status).toBe(401);

    // A bot turn: Sara asks for help; the answer needs the bot's token from Entra, with its
    // client secret, which fails here and is logged.
    const now = Math.floor(Date.now() / 1000);
    const botToken = botIssuer.mint({ iss: botIssuer.issuer, aud: APP_ID, serviceurl: connector.url, nbf: now - 60, exp: now + 3600 });
    const badBotToken = botIssuer.mint(
      { iss: botIssuer.issuer, aud: APP_ID, serviceurl: connector.url, nbf: now - 60, exp: now + 3600 },
      {
        key: botIssuer.forgeryKey,
      },
    );
    tokens.push(botToken, badBotToken);
    const activity = {
      type: 'message',
      id: 'msg-secrets',
      text: 'hjälp',
      channelId: 'msteams',
      serviceUrl: connector.url,
      locale: 'sv-SE',
      from: { id: '29:sara', aadObjectId: SARA, name: 'Sara Nilsson' },
      recipient: { id: `28:${APP_ID}`, name: 'Arbetsrum' },
      conversation: { id: 'a:secrets', conversationType: 'personal', tenantId, isGroup: false },
      channelData: { tenant: { id: tenantId } },
    };
    for (const token of [botToken, badBotToken]) {
      const res = await fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(activity),
      });
      expect(res.status).toBeLessThan(500);
    }

    // Let the background rounds try Graph and Entra, and log their failures.
    await waitFor(async () => /graph|token|entra|msal/i.test(service.output().split('\n').slice(-200).join('\n')), 30_000, service.output);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    service.child.kill('SIGTERM');
    await stopped(service.child);
    output = service.output();
  }, 120_000);

  it('wrote its log as JSON lines, with the configuration summarised and the failures logged', () => {
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(10);
    const json = lines.filter((line) => line.startsWith('{'));
    expect(json.some((line) => line.includes('"msg":"starting Arbetsrum"'))).toBe(true);
    // The summary names the configuration without its secrets.
    const start = json.find((line) => line.includes('"msg":"starting Arbetsrum"'))!;
    expect(start).toContain(APP_ID);
    expect(start).toContain('"appPassword":"***"');
    expect(start).toContain('"clientSecret":"***"');
    expect(json.some((line) => /"level":(40|50)/.test(line))).toBe(true);
  });

  it('wrote none of the secrets, and no token, in any line', () => {
    expect(output).not.toBe('');
    for (const [name, value] of Object.entries(secrets)) {
      const at = output.indexOf(value);
      if (at >= 0) throw new Error(`the ${name} is in the log: …${output.slice(Math.max(0, at - 200), at + 100)}…`);
    }
    for (const token of tokens) {
      const signature = token.split('.')[2]!;
      expect(output).not.toContain(token);
      // alg none has no signature; every other token's signature alone must not show.
      if (signature.length > 20) expect(output).not.toContain(signature);
    }
  });
});
