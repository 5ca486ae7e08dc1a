/**
 * The sub-group routes over real HTTP, with the real use cases on an embedded database and the
 * demo group: a strategist starts one from an agenda item, every member reads it with the meeting
 * its report-back is on, and that meeting's agenda shows the report-back once; a new deadline
 * moves it, *reported* takes it off. Delegates, other groups and callers without a session are
 * refused; malformed bodies are a 400 and refused sub-groups a Swedish 422, as `{ code, message }`.
 */
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import type { Meeting } from '../../bot/src/domain/meeting';
import type { MigratedStorage } from '../support/database';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts } from '../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../support/group-seed-mother';
import { silentLogger } from '../support/silent-logger';

interface SubGroupBody {
  id: string;
  name: string;
  status: string;
  deadline: string;
  convenor: { personId: string; name: string } | null;
  organisations: { name: string | null; members: { name: string }[] }[];
  reportBack: { meetingId: string; title: string; startsAt: string } | null;
  warnings: string[];
}

describe('the sub-group API over HTTP', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  const tokens = new DevTokens(() => clock.now());
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';
  let otherGroupStrategist = '';
  let meetings: Meeting[] = [];
  let itemId = '';
  let subGroupId = '';

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
    meetings = await demo.meetings();
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
  const send = (method: string, route: string, token: string | undefined, body: unknown) =>
    call(route, token, { method, body: JSON.stringify(body) });
  const reportBacks = async (meetingId: string) => {
    const agenda = (await (await call(`/meetings/${meetingId}/agenda`, tokenFor('Anna Lindqvist'))).json()) as {
      items: { title: string }[];
    };
    return agenda.items.filter((i) => i.title.startsWith('Återrapportering: ')).map((i) => i.title);
  };
  const valid = () => ({
    name: 'Dagvatten',
    mandate: 'Ta fram ett gemensamt underlag om dagvatten i nya detaljplaner.',
    deadline: '2026-03-31',
    memberPersonIds: [demo.as('Mohammed Haddad').personId, demo.as('Karin Berg').personId],
    convenorPersonId: demo.as('Mohammed Haddad').personId,
  });

  it('lets a strategist start one from an agenda item; every member sees the report-back meeting, and its agenda the item once', async () => {
    const march = meetings[1]!;
    const agenda = (await (await call(`/meetings/${march.id}/agenda`, tokenFor('Anna Lindqvist'))).json()) as { items: { id: string }[] };
    itemId = agenda.items[4]!.id;
    const res = await send('POST', `/groups/${demo.groupId}/agenda-items/${itemId}/sub-groups`, tokenFor('Anna Lindqvist'), valid());
    expect(res.status).toBe(201);
    const started = (await res.json()) as SubGroupBody;
    subGroupId = started.id;
    expect(started).toMatchObject({
      name: 'Dagvatten',
      status: 'active',
      convenor: { name: 'Mohammed Haddad' },
      reportBack: { meetingId: meetings[2]!.id },
      warnings: [],
    });

    const list = await call(`/groups/${demo.groupId}/sub-groups`, tokenFor('Sara Nilsson'));
    expect(list.status).toBe(200);
    const body = (await list.json()) as { subGroups: SubGroupBody[]; canManage: boolean };
    expect(body.canManage).toBe(false);
    expect(body.subGroups.map((s) => s.id)).toEqual([subGroupId]);
    expect(body.subGroups[0]!.organisations.map((o) => o.members.map((m) => m.name))).toEqual([['Karin Berg'], ['Mohammed Haddad']]);
    expect(await reportBacks(meetings[2]!.id)).toEqual(['Återrapportering: Dagvatten']);
    expect(await reportBacks(meetings[2]!.id)).toEqual(['Återrapportering: Dagvatten']);
  });

  it('refuses delegates, other groups and callers without a session, with one answer for "not yours" and "no such"', async () => {
    const start = (token?: string, item = itemId) =>
      send('POST', `/groups/${demo.groupId}/agenda-items/${item}/sub-groups`, token, valid());
    const byDelegate = await start(tokenFor('Sara Nilsson'));
    expect(byDelegate.status).toBe(403);
    const other = tokens.issue({ tenantId: demo.tenantId, personId: otherGroupStrategist });
    const fromOther = await call(`/groups/${demo.groupId}/sub-groups`, other);
    const made = await call(`/groups/0badc0de-0000-4000-8000-000000000000/sub-groups`, tokenFor('Anna Lindqvist'));
    expect(fromOther.status).toBe(403);
    expect(made.status).toBe(403);
    expect(await fromOther.json()).toEqual(await made.json());
    expect((await start(undefined)).status).toBe(401);
    const patchByDelegate = await send('PATCH', `/groups/${demo.groupId}/sub-groups/${subGroupId}`, tokenFor('Sara Nilsson'), {
      status: 'closed',
    });
    expect(patchByDelegate.status).toBe(403);
  });

  it('answers a malformed body with 400 and a refused sub-group with a Swedish 422', async () => {
    const anna = tokenFor('Anna Lindqvist');
    const route = `/groups/${demo.groupId}/agenda-items/${itemId}/sub-groups`;
    for (const body of [
      { ...valid(), extra: 1 },
      { ...valid(), deadline: '31/3' },
      { ...valid(), memberPersonIds: [] },
      { ...valid(), name: '' },
    ]) {
      const res = await send('POST', route, anna, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ code: expect.any(String), message: expect.any(String) });
    }
    const notMember = await send('POST', route, anna, { ...valid(), convenorPersonId: demo.as('Sara Nilsson').personId });
    expect(notMember.status).toBe(422);
    expect(await notMember.json()).toEqual({ code: 'invalid', message: 'Den sammankallande måste vara en av delgruppens medlemmar.' });
    const badDay = await send('POST', route, anna, { ...valid(), deadline: '2026-02-30' });
    expect(badDay.status).toBe(422);
  });

  it('moves the report-back with a new deadline and takes it off the agenda once reported', async () => {
    const anna = tokenFor('Anna Lindqvist');
    const patch = (body: unknown) => send('PATCH', `/groups/${demo.groupId}/sub-groups/${subGroupId}`, anna, body);
    const moved = (await (await patch({ deadline: '2026-04-30' })).json()) as SubGroupBody;
    expect(moved.reportBack?.meetingId).toBe(meetings[3]!.id);
    expect(await reportBacks(meetings[2]!.id)).toEqual([]);
    expect(await reportBacks(meetings[3]!.id)).toEqual(['Återrapportering: Dagvatten']);
    const reported = await patch({ status: 'reported' });
    expect(reported.status).toBe(200);
    expect(await reportBacks(meetings[3]!.id)).toEqual([]);
    const audit = (await (await call(`/groups/${demo.groupId}/audit?limit=3`, anna)).json()) as { events: { action: string }[] };
    expect(audit.events.map((e) => e.action)).toEqual(['sub-group.changed', 'sub-group.changed', 'sub-group.started']);
  });
});
