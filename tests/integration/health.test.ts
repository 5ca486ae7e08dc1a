/** `/healthz` says 503 when the database does not answer, so App Service takes the instance out. */
import { createHttpServer, listen, close } from '../../bot/src/adapters/http/server';
import { refuseAllAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { silentLogger as silent } from '../support/silent-logger';
import { unusedTabApi } from '../support/unused-use-cases';

describe('health probe', () => {
  it.each([
    ['a database that is down', async () => ({ database: 'down' as const })],
    ['a check that throws', async (): Promise<{ database: 'up' }> => Promise.reject(new Error('connection refused'))],
  ])('answers 503 for %s', async (_name, health) => {
    const server = createHttpServer({
      mode: 'local',
      logger: silent,
      handleBotRequest: async () => undefined,
      health,
      tabDir: '/nonexistent',
      authenticator: refuseAllAuthenticator,
      tabApi: unusedTabApi,
    });
    await listen(server, 0, '127.0.0.1');
    try {
      const address = server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${address.port}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', database: 'down' });
      const tab = await fetch(`http://127.0.0.1:${address.port}/tab/`);
      expect(tab.status).toBe(503);
      expect(await tab.text()).toContain('npm run build:tab');
    } finally {
      await close(server);
    }
  });
});
