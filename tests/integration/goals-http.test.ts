/**
 * The goal overview's API over real HTTP, with the real use cases on an embedded database and the
 * demo group: a strategist tags an agenda item and an action, adds, renames and retires a local
 * goal; every member reads the counts and a goal's lists, for a period too; delegates, other
 * groups and callers without a session are refused; bad input is a 4xx in `{ code, message }`.
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

interface Counts {
  proposal: number;
  agendaItem: number;
  decision: number;
  action: number;
}
interface OverviewBody {
  canEdit: boolean;
  frameworks: {
    framework: string;
    goals: { id: string; number: number; name: string; own: boolean; retired: boolean; counts: Counts }[];
  }[];
  taggable: { kind: string; id: string; goalIds: string[]; source: string }[];
}
interface DetailBody {
  goal: { id: string; name: string };
  counts: Counts;
  lists: Record<keyof Counts, { id: string; title: string; meeting: { title: string; startsAt: string } | null; date: string }[]>;
}

describe('the goals API over HTTP', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  const tokens = new DevTokens(() => clock.now());
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';
  let otherGroupStrategist = '';
  let marchId = '';
  let itemId = '';
  let actionId = '';

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
    const march = (await demo.meetings()).find((m) => m.startsAt.toISOString().startsWith('2026-03'))!;
    marchId = march.id;

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

    // The March agenda as stored by the agenda builder, and one action from its minutes.
    const anna = tokenFor('Anna Lindqvist');
    const agenda = (await (await call(`/meetings/${marchId}/agenda`, anna)).json()) as {
      revision: string;
      items: { id: string; title: string; durationMinutes: number; proposalId: string | null; standing: boolean }[];
    };
    const saved = await call(`/meetings/${marchId}/agenda`, anna, {
      method: 'PUT',
      body: JSON.stringify({
        expectedRevision: agenda.revision,
        items: agenda.items.map((i) => ({
          id: i.id,
          title: i.title,
          durationMinutes: i.durationMinutes,
          presenterPersonId: null,
          proposalId: i.proposalId,
          standing: i.standing,
        })),
      }),
    });
    expect({ status: saved.status, body: saved.status === 200 ? null : await saved.text() }).toEqual({ status: 200, body: null });
    itemId = agenda.items.find((i) => i.standing)!.id;
    const repos = migrated.storage.repositories;
    actionId = 'action-goals-1';
    await repos.actionItems.replaceForMeeting(demo.tenantId, marchId, [
      {
        id: actionId,
        tenantId: demo.tenantId,
        groupId: demo.groupId,
        meetingId: marchId,
        agendaItemId: itemId,
        position: 1,
        title: 'Boka studiebesök på reningsverket',
        ownerPersonId: null,
        organisationId: null,
        dueDate: null,
        status: 'open',
        createdAt: clock.now(),
        updatedAt: clock.now(),
      },
    ]);
    // Actions count from meetings whose minutes are published.
    await repos.meetings.save({ ...march, status: 'minutes_published' });
  }, 90_000);
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
  const group = (route: string) => `/groups/${demo.groupId}${route}`;
  const json = { 'Content-Type': 'application/json' };
  const overview = async (token: string, query = ''): Promise<OverviewBody> => {
    const res = await call(group(`/goals${query}`), token);
    expect(res.status).toBe(200);
    return (await res.json()) as OverviewBody;
  };
  const goalByName = (body: OverviewBody, name: string) => body.frameworks.flatMap((f) => f.goals).find((g) => g.name === name)!;

  it('lets a strategist tag an agenda item; the item, its action and the counts follow; a delegate reads them', async () => {
    const anna = tokenFor('Anna Lindqvist');
    const before = await overview(anna);
    expect(before.canEdit).toBe(true);
    expect(before.frameworks.map((f) => f.framework)).toEqual(['sdg', 'miljomal', 'local']);
    expect(before.frameworks[0]!.goals.map((g) => g.number)).toEqual(
      [...before.frameworks[0]!.goals.map((g) => g.number)].sort((a, b) => a - b),
    );
    const water = goalByName(before, 'Rent vatten och sanitet');
    expect(water.counts).toEqual({ proposal: 0, agendaItem: 0, decision: 0, action: 0 });

    const res = await call(group(`/agenda-items/${itemId}/goals`), anna, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ goalIds: [water.id] }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: 'agendaItem', id: itemId, chosenGoalIds: [water.id], goalIds: [water.id] });

    const karin = tokenFor('Karin Berg');
    const after = await overview(karin);
    expect(after.canEdit).toBe(false);
    expect(goalByName(after, 'Rent vatten och sanitet').counts).toEqual({ proposal: 0, agendaItem: 1, decision: 0, action: 1 });
    expect(after.taggable.find((t) => t.kind === 'action' && t.id === actionId)).toMatchObject({
      goalIds: [water.id],
      source: 'agendaItem',
    });

    const detail = await call(group(`/goals/${water.id}`), karin);
    expect(detail.status).toBe(200);
    const body = (await detail.json()) as DetailBody;
    expect(body.lists.action).toEqual([
      expect.objectContaining({
        id: actionId,
        title: 'Boka studiebesök på reningsverket',
        meeting: expect.objectContaining({ startsAt: '2026-03-11T12:00:00.000Z' }),
      }),
    ]);
    expect(body.lists.agendaItem.map((i) => i.id)).toEqual([itemId]);
    expect(body.lists.decision).toEqual([]);

    // A period without the March meeting counts nothing.
    expect(goalByName(await overview(karin, '?from=2026-04-01&to=2026-04-30'), 'Rent vatten och sanitet').counts.agendaItem).toBe(0);
    expect(goalByName(await overview(karin, '?from=2026-03-11&to=2026-03-11'), 'Rent vatten och sanitet').counts.agendaItem).toBe(1);
  });

  it('lets a strategist choose an action’s own goals, and refuses goals that are not the group’s', async () => {
    const erik = tokenFor('Erik Johansson');
    const goals = await overview(erik);
    const climate = goalByName(goals, 'Bekämpa klimatförändringarna');
    const put = (route: string, body: unknown) => call(group(route), erik, { method: 'PUT', headers: json, body: JSON.stringify(body) });
    const res = await put(`/actions/${actionId}/goals`, { goalIds: [climate.id] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ kind: 'action', chosenGoalIds: [climate.id] });

    const unknown = await put(`/actions/${actionId}/goals`, { goalIds: ['no-such-goal'] });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toEqual({ code: 'invalid', message: expect.stringMatching(/mål/) });
    for (const body of [
      {},
      { goalIds: 'x' },
      { goalIds: [climate.id], extra: 1 },
      { goalIds: Array.from({ length: 11 }, (_, i) => `g${i}`) },
    ]) {
      expect((await put(`/actions/${actionId}/goals`, body)).status).toBe(400);
    }
    // No such item and another group's item: the same answer.
    expect((await put('/agenda-items/no-such-item/goals', { goalIds: [] })).status).toBe(403);
    // Back to following the agenda item.
    expect(await (await put(`/actions/${actionId}/goals`, { goalIds: null })).json()).toMatchObject({ chosenGoalIds: null });
  });

  it('lets a strategist add, rename, retire and restore a local goal; a retired goal is offered no more', async () => {
    const anna = tokenFor('Anna Lindqvist');
    const added = await call(group('/goals'), anna, { method: 'POST', headers: json, body: JSON.stringify({ name: '  Hållbar   mat ' }) });
    expect(added.status).toBe(201);
    const goal = (await added.json()) as { id: string; name: string; framework: string; number: number };
    expect(goal).toMatchObject({ name: 'Hållbar mat', framework: 'local' });
    const same = await call(group('/goals'), anna, { method: 'POST', headers: json, body: JSON.stringify({ name: 'hållbar mat' }) });
    expect(same.status).toBe(409);

    const patch = (body: unknown, goalId = goal.id) =>
      call(group(`/goals/${goalId}`), anna, { method: 'PATCH', headers: json, body: JSON.stringify(body) });
    expect(await (await patch({ name: 'Hållbar och lokal mat', retired: true })).json()).toMatchObject({
      name: 'Hållbar och lokal mat',
      retired: true,
    });
    const listed = goalByName(await overview(anna), 'Hållbar och lokal mat');
    expect(listed).toMatchObject({ own: true, retired: true });
    const tag = await call(group(`/agenda-items/${itemId}/goals`), anna, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ goalIds: [goal.id] }),
    });
    expect(tag.status).toBe(422);
    expect(await (await patch({ retired: false })).json()).toMatchObject({ retired: false });

    const shared = (await overview(anna)).frameworks[0]!.goals[0]!;
    expect((await patch({ name: 'Nytt namn' }, shared.id)).status).toBe(404);
    expect((await patch({})).status).toBe(400);
    expect((await call(group('/goals'), anna, { method: 'POST', headers: json, body: JSON.stringify({ name: '   ' }) })).status).toBe(422);
  });

  it('refuses strategist work to a delegate, everything to another group, and a bad period', async () => {
    const karin = tokenFor('Karin Berg');
    const goals = await overview(karin);
    const someGoal = goals.frameworks[0]!.goals[0]!;
    const forbidden = await call(group(`/agenda-items/${itemId}/goals`), karin, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ goalIds: [] }),
    });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ code: 'forbidden', message: expect.any(String) });
    expect((await call(group('/goals'), karin, { method: 'POST', headers: json, body: JSON.stringify({ name: 'Mitt mål' }) })).status).toBe(
      403,
    );

    const outsider = tokens.issue({ tenantId: demo.tenantId, personId: otherGroupStrategist });
    expect((await call(group('/goals'), outsider)).status).toBe(403);
    expect((await call(group(`/goals/${someGoal.id}`), outsider)).status).toBe(403);
    expect(
      (await call(group(`/agenda-items/${itemId}/goals`), outsider, { method: 'PUT', headers: json, body: '{"goalIds":[]}' })).status,
    ).toBe(403);

    expect((await call(group('/goals?from=2026-01-01'), karin)).status).toBe(422);
    expect((await call(group('/goals?from=2026-02-30&to=2026-03-01'), karin)).status).toBe(422);
    for (const query of ['?from=2026-1-1&to=2026-12-31', '?year=2026', '?from=x&to=y']) {
      expect({ query, status: (await call(group(`/goals${query}`), karin)).status }).toEqual({ query, status: 400 });
    }
    expect((await call(group('/goals/no-such-goal'), karin)).status).toBe(404);
    expect((await call(group('/goals'))).status).toBe(401);
  });
});
