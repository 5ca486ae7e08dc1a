/**
 * Production mode over real HTTP on a real PostgreSQL: bot authentication is on (a request with
 * no token is refused and nothing is answered), there is no dev sign-in, no demo data, and the
 * tab API trusts no one until Teams SSO lands. Runs where TEST_DATABASE_URL is set (CI sets it).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { withSearchPath } from '../support/database';
import { startRecordingConnector } from '../support/recording-connector';
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
      HOST: '127.0.0.1',
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

  it('refuses a bot activity without a token, and sends nothing', async () => {
    // botbuilder reports the refused request on console.error itself; keep the test output clean.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const connector = await startRecordingConnector({});
    try {
      const res = await fetch(`${service.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'hjälp',
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: '29:x' },
          recipient: { id: '28:bot' },
          conversation: { id: 'a:x', conversationType: 'personal', tenantId: '22222222-2222-4222-8222-222222222222' },
        }),
      });
      expect(res.status).toBe(401);
      expect(connector.sent).toEqual([]);
    } finally {
      consoleError.mockRestore();
      await connector.close();
    }
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
