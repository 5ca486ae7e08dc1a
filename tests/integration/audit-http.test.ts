/**
 * `GET /api/groups/:groupId/audit` over real HTTP, with the real use cases on an embedded database
 * and the demo group: a strategist reads the change log, including the agenda they just saved
 * over the same API, and pages back with `before`; delegates, other groups and callers without a
 * session are refused; a bad `limit` or `before` is a 400 in the API's `{ code, message }` shape.
 */
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import type { MigratedStorage } from '../support/database';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts } from '../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../support/group-seed-mother';
import { silentLogger } from '../support/silent-logger';

/** An event as JSON carries it (dates as ISO strings). */
interface EventBody {
  id: string;
  at: string;
  actor: { personId: string; name: string | null } | null;
  action: string;
  meeting: { id: string; title: string; startsAt: string } | null;
  proposal: { id: string; title: string } | null;
  year: number | null;
  detail: Record<string, unknown>;
}

describe('the change log API over HTTP', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  const tokens = new DevTokens(() => clock.now());
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';
  let otherGroupStrategist = '';
  let marchId = '';

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    migrated = demo.migrated;
    const base = aGroupSeed({ tenant: { id: demo.tenantId, name: 'Trollhättans Stad (demo)' } });
    const other = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('other') },
      {
        ...base,
        group: { ...base.group, name: 'Sociala hållbarhetsgruppen', teamId: null },
        people: base.people.map((p) => ({ ...p, email: `other-${p.email}`, aadObjectId: null })),
        goals: [],
      },
      [],
    );
    otherGroupStrategist = (await migrated.storage.repositories.people.listByGroup(demo.tenantId, other.groupId)).find(
      (p) => p.name === 'Anna Strateg',
    )!.id;
    marchId = (await demo.meetings()).find((m) => m.startsAt.toISOString().startsWith('2026-03'))!.id;

    const useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
    server = createHttpServer({
      mode: 'local',
      logger: silentLogger,
      handleBotRequest: async () => undefined,
      health: async () => ({ database: 'up' }),
      tabDir: '/nonexistent',
      authenticator: devTokenAuthenticator(tokens),
      tabApi: useCases,
    });
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }, 60_000);
  afterAll(async () => {
    if (server) await close(server);
    await migrated?.db.close();
  });

  const tokenFor = (name: string) => tokens.issue(demo.as(name));
  const call = (route: string, token?: string, init: RequestInit = {}) =>
    fetch(`${url}/api${route}`, {
      ...init,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    });
  const audit = (query = '', token?: string, groupId = demo.groupId) => call(`/groups/${groupId}/audit${query}`, token);

  it('shows a strategist the agenda they just saved, first, with their name and the meeting', async () => {
    const anna = tokenFor('Anna Lindqvist');
    const agenda = (await (await call(`/meetings/${marchId}/agenda`, anna)).json()) as {
      revision: string;
      items: { id: string; title: string; durationMinutes: number; proposalId: string | null; standing: boolean }[];
    };
    clock.set('2026-02-20T09:30:00Z');
    const saved = await call(`/meetings/${marchId}/agenda`, anna, {
      method: 'PUT',
      body: JSON.stringify({
        expectedRevision: agenda.revision,
        items: agenda.items.slice(0, 5).map((i) => ({
          id: i.id,
          title: i.title,
          durationMinutes: i.durationMinutes,
          presenterPersonId: null,
          proposalId: i.proposalId,
          standing: i.standing,
        })),
      }),
    });
    expect(saved.status).toBe(200);

    const res = await audit('', tokenFor('Erik Johansson'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { events: EventBody[]; nextBefore: string | null };
    expect(body.events[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      at: '2026-02-20T09:30:00.000Z',
      actor: { personId: demo.as('Anna Lindqvist').personId, name: 'Anna Lindqvist' },
      action: 'agenda.saved',
      meeting: { id: marchId, title: 'Möte 2', startsAt: '2026-03-11T12:00:00.000Z' },
      proposal: null,
      year: null,
      detail: { items: 5 },
    });
    expect(body.events.map((e) => e.action)).toEqual(['agenda.saved', 'group.seeded', 'meetings.planned']);
    expect(body.nextBefore).toBeNull();
    expect(JSON.stringify(body)).not.toContain('@');
  });

  it('pages back with `before` from `nextBefore`', async () => {
    const token = tokenFor('Anna Lindqvist');
    const first = (await (await audit('?limit=2', token)).json()) as { events: EventBody[]; nextBefore: string | null };
    expect(first.events).toHaveLength(2);
    expect(first.nextBefore).toBe(first.events[1]!.id);
    const second = (await (await audit(`?limit=2&before=${first.nextBefore}`, token)).json()) as {
      events: EventBody[];
      nextBefore: string | null;
    };
    expect(second.events.map((e) => e.action)).toEqual(['meetings.planned']);
    expect(second.nextBefore).toBeNull();
  });

  it('refuses a delegate of the group and a strategist of another group with 403', async () => {
    for (const token of [tokenFor('Karin Berg'), tokens.issue({ tenantId: demo.tenantId, personId: otherGroupStrategist })]) {
      const res = await audit('', token);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'forbidden', message: expect.any(String) });
    }
  });

  it('answers a bad limit or cursor with 400, and a malformed group id too', async () => {
    const token = tokenFor('Anna Lindqvist');
    for (const query of [
      '?limit=0',
      '?limit=201',
      '?limit=abc',
      '?limit=1.5',
      '?limit=',
      '?before=abc',
      '?before=0',
      '?limit=5&limit=6',
      '?page=2',
    ]) {
      const res = await audit(query, token);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(await res.json()).toEqual({ code: 'invalid-input', message: expect.any(String) });
    }
    expect((await audit('?limit=200', token)).status).toBe(200);
    expect((await audit('', token, 'not%20an%20id')).status).toBe(400);
  });

  it('refuses a caller without a session with 401, before looking at the query', async () => {
    expect((await audit('')).status).toBe(401);
    expect((await audit('?limit=0', 'forged.token')).status).toBe(401);
  });
});
