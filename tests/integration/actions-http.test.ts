/**
 * The *Åtgärder* API over real HTTP, with the real use cases on an embedded database and the demo
 * group: `GET /api/groups/:groupId/actions` (filters in the query), `GET …/actions/:actionId`
 * (with history) and `PATCH …/actions/:actionId`. Every member reads; the owner changes the
 * status, strategists everything; outsiders and unknown actions get the same 403; bad queries and
 * bodies are 400s in the API's `{ code, message }` shape; no session is a 401.
 */
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import { createUseCases } from '../../bot/src/app/use-cases';
import type { Meeting } from '../../bot/src/domain/meeting';
import type { MigratedStorage } from '../support/database';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts } from '../support/fake-messenger';
import { fixedClock, sequentialIds } from '../support/group-seed-mother';
import { addActions } from '../support/published-actions';
import { silentLogger } from '../support/silent-logger';

interface EntryBody {
  id: string;
  status: string;
  dueDate: string | null;
  overdue: boolean;
  owner: { id: string; name: string | null } | null;
  changeable: string[];
}

describe('the actions API over HTTP', () => {
  const clock = fixedClock('2026-03-25T09:00:00Z');
  const tokens = new DevTokens(() => clock.now());
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';
  let meetings: Meeting[] = [];

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    migrated = demo.migrated;
    meetings = (await demo.meetings()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await addActions(
      demo,
      meetings[0]!,
      [
        { id: 'act-late', owner: 'Sara Nilsson', status: 'open', dueDate: '2026-03-01' },
        { id: 'act-later', owner: 'Karin Berg', status: 'in_progress', dueDate: '2026-05-30' },
        { id: 'act-done', owner: 'Karin Berg', status: 'done', dueDate: '2026-02-20' },
      ],
      true,
    );
    await migrated.storage.repositories.people.save({
      id: 'outsider',
      tenantId: demo.tenantId,
      aadObjectId: null,
      name: 'Olle Utanför',
      email: 'olle@example.org',
      organisationId: null,
    });
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
  const actions = (query = '', token?: string) => call(`/groups/${demo.groupId}/actions${query}`, token);
  const patch = (actionId: string, body: unknown, token?: string) =>
    call(`/groups/${demo.groupId}/actions/${actionId}`, token, { method: 'PATCH', body: JSON.stringify(body) });

  it('lists the actions to a delegate, overdue first, and filters in the query', async () => {
    const res = await actions('', tokenFor('Leila Karimi'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { today: string; total: number; actions: EntryBody[] };
    expect(body.today).toBe('2026-03-25');
    expect(body.actions.map((a) => [a.id, a.overdue, a.changeable])).toEqual([
      ['act-late', true, []],
      ['act-done', false, []],
      ['act-later', false, []],
    ]);
    const ids = async (query: string) =>
      ((await (await actions(query, tokenFor('Leila Karimi'))).json()) as { actions: EntryBody[] }).actions.map((a) => a.id);
    expect(await ids('?status=not_done')).toEqual(['act-late', 'act-later']);
    expect(await ids('?overdue=true')).toEqual(['act-late']);
    expect(await ids(`?owner=${demo.people.get('Karin Berg')}&status=done`)).toEqual(['act-done']);
    expect(await ids(`?meeting=${meetings[1]!.id}`)).toEqual([]);
    expect(await ids('?limit=1&offset=1')).toEqual(['act-done']);
  });

  it("lets the owner change the status, a strategist the due date and owner, and shows it in the action's history", async () => {
    const sara = tokenFor('Sara Nilsson');
    const refused = await patch('act-late', { dueDate: '2026-04-30' }, sara);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ code: 'forbidden', message: expect.any(String) });
    expect((await patch('act-late', { status: 'done' }, tokenFor('Karin Berg'))).status).toBe(403);

    const bySara = await patch('act-late', { status: 'in_progress' }, sara);
    expect(bySara.status).toBe(200);
    expect(((await bySara.json()) as { action: EntryBody }).action).toMatchObject({ status: 'in_progress', overdue: true });

    clock.set('2026-03-25T10:00:00Z');
    const byAnna = await patch(
      'act-late',
      { dueDate: '2026-04-30', ownerPersonId: demo.people.get('Johan Ek') },
      tokenFor('Anna Lindqvist'),
    );
    expect(byAnna.status).toBe(200);
    expect(((await byAnna.json()) as { action: EntryBody }).action).toMatchObject({
      dueDate: '2026-04-30',
      overdue: false,
      owner: { name: 'Johan Ek' },
    });
    expect((await patch('act-late', { dueDate: null }, tokenFor('Erik Johansson'))).status).toBe(200);

    const res = await call(`/groups/${demo.groupId}/actions/act-late`, tokenFor('Leila Karimi'));
    expect(res.status).toBe(200);
    const { history } = (await res.json()) as { history: Record<string, unknown>[] };
    expect(history).toEqual([
      { kind: 'decided', at: meetings[0]!.startsAt.toISOString(), meeting: expect.objectContaining({ id: meetings[0]!.id }) },
      expect.objectContaining({
        kind: 'changed',
        by: expect.objectContaining({ name: 'Sara Nilsson' }),
        status: { from: 'open', to: 'in_progress' },
      }),
      expect.objectContaining({
        kind: 'changed',
        at: '2026-03-25T10:00:00.000Z',
        dueDate: { from: '2026-03-01', to: '2026-04-30' },
        owner: { from: expect.objectContaining({ name: 'Sara Nilsson' }), to: expect.objectContaining({ name: 'Johan Ek' }) },
      }),
      expect.objectContaining({
        kind: 'changed',
        by: expect.objectContaining({ name: 'Erik Johansson' }),
        dueDate: { from: '2026-04-30', to: null },
      }),
    ]);
    // The change log names it too.
    const log = (await (await call(`/groups/${demo.groupId}/audit?limit=1`, tokenFor('Anna Lindqvist'))).json()) as {
      events: { action: string; meeting: { id: string } | null }[];
    };
    expect(log.events[0]).toMatchObject({ action: 'action.changed', meeting: { id: meetings[0]!.id } });
  });

  it('refuses an outsider, an unknown action and an action of unpublished minutes alike, with 403', async () => {
    const outsider = tokens.issue({ tenantId: demo.tenantId, personId: 'outsider' });
    await addActions(demo, meetings[2]!, [{ id: 'act-draft', owner: 'Sara Nilsson', status: 'open', dueDate: null }], false);
    const answers = [
      await actions('', outsider),
      await call(`/groups/${demo.groupId}/actions/act-later`, outsider),
      await patch('act-later', { status: 'done' }, outsider),
      await call(`/groups/${demo.groupId}/actions/no-such-action`, tokenFor('Anna Lindqvist')),
      await call(`/groups/${demo.groupId}/actions/act-draft`, tokenFor('Anna Lindqvist')),
      await patch('act-draft', { status: 'done' }, tokenFor('Anna Lindqvist')),
    ];
    for (const res of answers) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'forbidden', message: 'Not a member of this group' });
    }
  });

  it('answers bad filters and bodies with 400, a non-member owner with 422, and no session with 401', async () => {
    const anna = tokenFor('Anna Lindqvist');
    for (const query of [
      '?status=later',
      '?overdue=yes',
      '?limit=0',
      '?limit=501',
      '?offset=-1',
      '?owner=a%20b',
      '?page=2',
      '?status=open&status=done',
    ]) {
      const res = await actions(query, anna);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(await res.json()).toEqual({ code: 'invalid-input', message: expect.any(String) });
    }
    for (const body of [
      {},
      { status: 'finished' },
      { dueDate: '2026-02-30' },
      { dueDate: '31/5' },
      { title: 'Ny titel' },
      { ownerPersonId: '' },
    ]) {
      const res = await patch('act-later', body, anna);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const notMember = await patch('act-later', { ownerPersonId: 'outsider' }, anna);
    expect(notMember.status).toBe(422);
    expect(await notMember.json()).toEqual({ code: 'invalid', message: expect.stringContaining('ownerPersonId') });
    expect((await actions('')).status).toBe(401);
    expect((await patch('act-later', { status: 'done' })).status).toBe(401);
  });
});
