/**
 * The whole service started in production mode on a real PostgreSQL: no demo data, no dev
 * sign-in, and a tab API that trusts no one until Teams SSO lands. (The bot's refusal of
 * unauthenticated activities: production-http.test.ts.) Runs where TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { withSearchPath } from '../support/database';
import { silentLogger as silent } from '../support/silent-logger';

const url = process.env.TEST_DATABASE_URL;
const describeWithPostgres = url ? describe : describe.skip;

describeWithPostgres('production mode', () => {
  const schema = `test_prod_${randomBytes(5).toString('hex')}`;
  let service: RunningService;

  beforeAll(async () => {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const config = readConfig({
      MicrosoftAppId: '11111111-1111-4111-8111-111111111111',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '22222222-2222-4222-8222-222222222222',
      MicrosoftAppPassword: 'not-a-real-secret',
      DATABASE_URL: withSearchPath(url!, schema),
      // pg-boss's tables in the test's schema too: dropped with it, never shared with another test.
      JOBS_SCHEMA: schema,
      HOST: '127.0.0.1',
      // Graph is not called in these tests: a managed identity needs nothing more to start.
      GRAPH_AUTH: 'managed-identity',
    });
    service = await startService({ ...config, port: 0 }, silent);
  });

  afterAll(async () => {
    await service?.close();
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  it('has no dev sign-in, no demo data, and refuses tab API calls', async () => {
    expect(await (await fetch(`${service.url}/api/session`)).json()).toEqual({ mode: 'production', devSignIn: false });
    expect((await fetch(`${service.url}/api/dev/people`)).status).toBe(404);
    expect(
      (
        await fetch(`${service.url}/api/dev/sign-in`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"personId":"x"}',
        })
      ).status,
    ).toBe(404);
    expect((await fetch(`${service.url}/api/me`, { headers: { Authorization: 'Bearer anything' } })).status).toBe(401);
    const admin = new Client({ connectionString: withSearchPath(url!, schema) });
    await admin.connect();
    const { rows } = await admin.query<{ n: string }>('SELECT count(*) AS n FROM work_group');
    await admin.end();
    expect(Number(rows[0]!.n)).toBe(0);
  });
});
