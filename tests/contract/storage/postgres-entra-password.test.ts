/**
 * Entra authentication for PostgreSQL: with DATABASE_AUTH=managed-identity the service's pool and
 * pg-boss send a token from the managed identity as the password, asked for the server's resource
 * with the configured identity. Against App Service's identity endpoint on loopback and a server
 * that records the password it is sent.
 */
import { PgBossScheduler } from '../../../bot/src/adapters/jobs/pg-boss-scheduler';
import { POSTGRES_ENTRA_RESOURCE, postgresEntraToken } from '../../../bot/src/adapters/graph/postgres-entra-token';
import { openPostgresDatabase, passwordAskingClient } from '../../../bot/src/adapters/storage/postgres-database';
import { startLocalManagedIdentity, type LocalManagedIdentity } from '../../support/local-managed-identity';
import { startPasswordAskingPostgres, type PasswordAskingPostgres } from '../../support/password-asking-postgres';
import { silentLogger } from '../../support/silent-logger';

describe('PostgreSQL with an Entra token as the password', () => {
  let identity: LocalManagedIdentity;
  let server: PasswordAskingPostgres;
  const saved = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };

  beforeAll(async () => {
    identity = await startLocalManagedIdentity();
    Object.assign(process.env, identity.env);
    server = await startPasswordAskingPostgres();
  });
  afterAll(async () => {
    if (saved.IDENTITY_ENDPOINT === undefined) delete process.env.IDENTITY_ENDPOINT;
    else process.env.IDENTITY_ENDPOINT = saved.IDENTITY_ENDPOINT;
    if (saved.IDENTITY_HEADER === undefined) delete process.env.IDENTITY_HEADER;
    else process.env.IDENTITY_HEADER = saved.IDENTITY_HEADER;
    await server.close();
    await identity.close();
  });

  it("sends the identity's token for the server's resource as the password, and reuses it", async () => {
    // msal's managed identity cache is shared by the process: each test has its own identity.
    const db = openPostgresDatabase(server.url('arbetsrum-id'), { password: postgresEntraToken('client-pool') });
    try {
      await expect(db.query('SELECT 1')).rejects.toMatchObject({ code: '28P01' });
      await expect(db.query('SELECT 1')).rejects.toMatchObject({ code: '28P01' });
    } finally {
      await db.close();
    }
    const asked = identity.requests.filter((r) => r.clientId === 'client-pool');
    expect(asked).toEqual([{ resource: POSTGRES_ENTRA_RESOURCE, clientId: 'client-pool', headerOk: true }]);
    expect(server.logins).toEqual([
      { user: 'arbetsrum-id', password: 'local-managed-identity-token-1' },
      { user: 'arbetsrum-id', password: 'local-managed-identity-token-1' },
    ]);
  });

  it('gives pg-boss the same token source', async () => {
    const before = server.logins.length;
    const scheduler = new PgBossScheduler(
      { kind: 'postgres', connectionString: server.url('arbetsrum-jobs'), client: passwordAskingClient(postgresEntraToken('client-jobs')) },
      silentLogger,
    );
    await expect(scheduler.start()).rejects.toThrow(/password authentication failed/);
    await scheduler.stop().catch(() => undefined);
    const logins = server.logins.slice(before);
    expect(logins.length).toBeGreaterThan(0);
    const token = identity.requests.findIndex((r) => r.clientId === 'client-jobs') + 1;
    expect(new Set(logins.map((l) => JSON.stringify(l)))).toEqual(
      new Set([JSON.stringify({ user: 'arbetsrum-jobs', password: `local-managed-identity-token-${token}` })]),
    );
  });

  it('sends what the URL holds when no token source is given', async () => {
    const before = server.logins.length;
    const db = openPostgresDatabase(server.url('someone').replace('someone@', 'someone:from-the-url@'));
    await expect(db.query('SELECT 1')).rejects.toMatchObject({ code: '28P01' });
    await db.close();
    expect(server.logins.slice(before)).toEqual([{ user: 'someone', password: 'from-the-url' }]);
  });
});
