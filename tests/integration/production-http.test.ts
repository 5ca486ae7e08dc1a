/**
 * Production mode's doors, without a database: bot authentication is on, there is no dev
 * sign-in, the tab API trusts no one until Teams SSO lands, and HSTS is sent. (The same with
 * PostgreSQL behind it: production-mode.test.ts.)
 */
import { refuseAllAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import { createBotEndpoint } from '../../bot/src/adapters/teams/bot-endpoint';
import type { BotUseCases } from '../../bot/src/adapters/teams/bot-use-cases';
import { silentLogger } from '../support/silent-logger';
import { startRecordingConnector } from '../support/recording-connector';
import { unusedTabApi } from '../support/unused-use-cases';

const unused = () => Promise.reject(new Error('not reached: the request must be refused before'));

describe('production mode over HTTP', () => {
  const useCases = new Proxy({}, { get: () => unused }) as BotUseCases & Record<string, () => Promise<never>>;
  const bot = createBotEndpoint(
    {
      appId: '11111111-1111-4111-8111-111111111111',
      appPassword: 'not-a-real-secret',
      appType: 'SingleTenant',
      appTenantId: '22222222-2222-4222-8222-222222222222',
    },
    useCases,
    silentLogger,
  );
  const server = createHttpServer({
    mode: 'production',
    logger: silentLogger,
    handleBotRequest: bot.handle,
    health: async () => ({ database: 'up' }),
    tabDir: '/nonexistent',
    authenticator: refuseAllAuthenticator,
    tabApi: unusedTabApi,
  });
  let url = '';
  beforeAll(async () => {
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => close(server));

  it('refuses a bot activity without a token, and sends nothing', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined); // botbuilder's own report
    const connector = await startRecordingConnector({});
    try {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer not.a.jwt' },
        body: JSON.stringify({
          type: 'message',
          text: 'hjälp',
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: '29:x' },
          recipient: { id: '28:b' },
          conversation: { id: 'a:x' },
        }),
      });
      expect(res.status).toBe(401);
      expect(connector.sent).toEqual([]);
    } finally {
      consoleError.mockRestore();
      await connector.close();
    }
  });

  it('has no dev sign-in and refuses the tab API', async () => {
    expect(await (await fetch(`${url}/api/session`)).json()).toEqual({ mode: 'production', devSignIn: false });
    expect((await fetch(`${url}/api/dev/people`)).status).toBe(404);
    expect((await fetch(`${url}/api/me`, { headers: { Authorization: 'Bearer anything' } })).status).toBe(401);
    expect((await fetch(`${url}/api/groups/g1/proposals`)).status).toBe(401);
  });

  it('sends HSTS', async () => {
    expect((await fetch(`${url}/healthz`)).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

describe('local mode bot endpoint', () => {
  it('answers only a connector on this machine', async () => {
    const useCases = new Proxy({}, { get: () => unused }) as BotUseCases;
    const bot = createBotEndpoint({ appId: '', appPassword: '', appType: '', appTenantId: '' }, useCases, silentLogger);
    const server = createHttpServer({
      mode: 'local',
      logger: silentLogger,
      handleBotRequest: bot.handle,
      health: async () => ({ database: 'up' }),
      tabDir: '/nonexistent',
      authenticator: refuseAllAuthenticator,
      tabApi: unusedTabApi,
    });
    await listen(server, 0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      for (const serviceUrl of ['https://attacker.example/', 'http://10.0.0.5/', 'file:///etc/passwd', 42]) {
        const res = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            text: 'hej',
            channelId: 'msteams',
            serviceUrl,
            from: { id: '29:x' },
            recipient: { id: '28:b' },
            conversation: { id: 'a:x' },
          }),
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ code: 'service-url-not-local' });
      }
    } finally {
      await close(server);
    }
  });
});
