/**
 * The per-person limit on the tab API's writes, over real HTTP: a burst passes, the next write is
 * refused with 429, Retry-After and a message that says how long to wait, and reaches no use
 * case; reads, other people and callers without a session are not counted against it.
 */
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen, type HttpServerDeps } from '../../bot/src/adapters/http/server';
import { silentLogger } from '../support/silent-logger';

const TENANT = 'tenant-1';
const GROUP = 'group-1';

describe('the write limit per person', () => {
  const tokens = new DevTokens(() => new Date());
  const retried: string[] = [];
  const tabApi = new Proxy(
    {},
    {
      get: (_target, name) =>
        name === 'retryTimedWork'
          ? async (input: { by: { personId: string } }) => {
              retried.push(input.by.personId);
            }
          : async () => ({ groups: [] }),
    },
  ) as HttpServerDeps['tabApi'];
  const server = createHttpServer({
    mode: 'local',
    logger: silentLogger,
    handleBotRequest: async () => undefined,
    health: async () => ({ database: 'up' }),
    tabDir: '/nonexistent',
    authenticator: devTokenAuthenticator(tokens),
    tabApi,
    // One write a second on average, three at once.
    writeRateLimit: { perMinute: 60, burst: 3 },
  });
  let url = '';
  beforeAll(async () => {
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => close(server));

  const retry = (personId?: string) =>
    fetch(`${url}/api/groups/${GROUP}/timed-work/retry`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(personId ? { Authorization: `Bearer ${tokens.issue({ tenantId: TENANT, personId })}` } : {}),
      },
      body: JSON.stringify({ key: 'call:m1:2026-03-01' }),
    });

  it('lets a burst through, then answers 429 with Retry-After, and the refused write reaches nothing', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await retry('anna')).status);
    expect(statuses).toEqual([204, 204, 204]);
    expect(retried).toEqual(['anna', 'anna', 'anna']);

    const refused = await retry('anna');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { code: string; message: string };
    expect(body.code).toBe('rate-limited');
    expect(body.message).toMatch(/^För många ändringar på kort tid\. Vänta \d+ s och försök igen\./);
    expect(retried).toHaveLength(3);
  });

  it('does not count reads, other people, or callers without a session', async () => {
    const read = await fetch(`${url}/api/me`, {
      headers: { Authorization: `Bearer ${tokens.issue({ tenantId: TENANT, personId: 'anna' })}` },
    });
    expect(read.status).toBe(200);
    expect((await retry('karin')).status).toBe(204);
    expect((await retry()).status).toBe(401);
  });

  it('lets the person write again once the bucket has refilled', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await retry('anna')).status).toBe(204);
  });
});
