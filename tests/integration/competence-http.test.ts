/**
 * `/api/groups/:groupId/competence…` over real HTTP, with the real use cases on an embedded
 * database and the demo group: a delegate suggests and votes, a strategist plans the suggestion
 * and keeps the ledger (a held activity with counts per organisation, links, what was learned);
 * the year reads it all back. Refusals answer in the API's `{ code, message }` shape, Swedish
 * for the rules, and the same for another group's strategist as for a made-up group.
 */
import { randomUUID } from 'node:crypto';
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts } from '../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../support/group-seed-mother';
import { silentLogger } from '../support/silent-logger';

interface Json {
  [key: string]: unknown;
}

describe('the competence API over HTTP', () => {
  const clock = fixedClock('2026-03-10T09:00:00Z');
  const tokens = new DevTokens(() => clock.now());
  let demo: DemoGroup;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';
  let outsider = '';

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    const migrated = demo.migrated;
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
    outsider = (await migrated.storage.repositories.people.listByGroup(demo.tenantId, other.groupId)).find(
      (p) => p.name === 'Anna Strateg',
    )!.id;
    server = createHttpServer({
      mode: 'local',
      logger: silentLogger,
      handleBotRequest: async () => undefined,
      health: async () => ({ database: 'up' }),
      tabDir: '/nonexistent',
      authenticator: devTokenAuthenticator(tokens),
      tabApi: createUseCases({
        repositories: migrated.storage.repositories,
        unitOfWork: migrated.storage.unitOfWork,
        clock,
        ids: sequentialIds('uc'),
        ...fakePorts(clock),
      }),
    });
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }, 60_000);
  afterAll(async () => {
    if (server) await close(server);
    await demo?.migrated.db.close();
  });

  const tokenFor = (name: string) => tokens.issue(demo.as(name));
  async function call(name: string | null, method: string, route: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const token =
      name === null ? null : name === 'outsider' ? tokens.issue({ tenantId: demo.tenantId, personId: outsider }) : tokenFor(name);
    const res = await fetch(`${url}/api/groups/${demo.groupId}/competence${route}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  }

  it('lets a delegate suggest and vote, a strategist plan it, and everyone read the year', async () => {
    const suggested = await call('Sara Nilsson', 'POST', '/suggestions', {
      submissionKey: randomUUID(),
      kind: 'study_visit',
      title: 'Studiebesök på biogasanläggningen',
      description: 'Hur blir matavfall till bussbränsle?',
      link: 'https://example.se/biogas',
    });
    expect(suggested.status).toBe(201);
    const suggestion = suggested.body.suggestion as { id: string; votes: number; myVote: boolean };
    expect(suggestion).toMatchObject({ votes: 1, myVote: true, suggestedBy: 'Sara Nilsson', status: 'open' });

    const vote = (name: string, voted: boolean) => call(name, 'PUT', `/suggestions/${suggestion.id}/vote`, { voted });
    expect((await vote('Karin Berg', true)).body.suggestion).toMatchObject({ votes: 2, myVote: true });
    expect((await vote('Karin Berg', true)).body.suggestion).toMatchObject({ votes: 2, myVote: true });
    expect((await vote('Karin Berg', false)).body.suggestion).toMatchObject({ votes: 1, myVote: false });

    const refused = await call('Sara Nilsson', 'POST', `/suggestions/${suggestion.id}/plan`, { date: '2026-09-16' });
    expect(refused.status).toBe(403);
    const planned = await call('Anna Lindqvist', 'POST', `/suggestions/${suggestion.id}/plan`, { date: '2026-09-16' });
    expect(planned.status).toBe(201);
    expect(planned.body.activity).toMatchObject({ status: 'planned', date: '2026-09-16', suggestionId: suggestion.id });
    const closed = await vote('Karin Berg', true);
    expect(closed).toEqual({ status: 409, body: { code: 'conflict', message: expect.stringContaining('redan planerat') } });

    const year = await call('Karin Berg', 'GET', '?year=2026');
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ year: 2026, mayPlan: false, choices: { organisations: [], actions: [] } });
    expect((year.body.months as string[][])[8]).toEqual([(planned.body.activity as { id: string }).id]);
  });

  it('keeps a held activity with counts per organisation and refuses broken rules in Swedish', async () => {
    const plan = await call('Anna Lindqvist', 'GET', '?year=2026');
    const organisations = (plan.body.choices as { organisations: { id: string; name: string }[] }).organisations;
    const utb = organisations.find((o) => o.name === 'Utbildningsförvaltningen')!.id;
    const body = {
      kind: 'lecture',
      status: 'held',
      date: '2026-03-04',
      title: 'Föreläsning om cirkulär upphandling',
      organiser: 'Upphandlingsmyndigheten',
      participants: [{ organisationId: utb, count: 7 }],
      links: [{ url: 'https://example.se/bilder', label: 'Bilderna' }],
      learned: 'Återbruk går att kräva.',
    };
    const created = await call('Erik Johansson', 'POST', '/activities', body);
    expect(created.status).toBe(201);
    const activity = created.body.activity as { id: string; revision: number };
    expect(created.body.activity).toMatchObject({
      participantsTotal: 7,
      participants: [{ organisation: 'Utbildningsförvaltningen', count: 7 }],
    });

    const future = await call('Erik Johansson', 'POST', '/activities', { ...body, date: '2026-04-01' });
    expect(future.status).toBe(422);
    expect(future.body).toMatchObject({ code: 'invalid_activity', errors: { date: 'held-in-future' } });
    expect(future.body.message).toContain('en genomförd aktivitet kan inte ligga efter i dag');
    const http = await call('Erik Johansson', 'POST', '/activities', { ...body, links: [{ url: 'http://example.se', label: '' }] });
    expect(http.body).toMatchObject({ code: 'invalid_activity', errors: { links: 'not-https' } });

    const edited = await call('Anna Lindqvist', 'PUT', `/activities/${activity.id}`, {
      ...body,
      revision: 1,
      title: 'Cirkulär upphandling',
    });
    expect(edited.status).toBe(200);
    const stale = await call('Erik Johansson', 'PUT', `/activities/${activity.id}`, { ...body, revision: 1 });
    expect(stale.status).toBe(409);
    expect((await call('Sara Nilsson', 'POST', '/activities', body)).status).toBe(403);
  });

  it('refuses bad shapes with 400, no session with 401, and another group alike to no group', async () => {
    expect((await call('Anna Lindqvist', 'GET', '?year=abcd')).status).toBe(400);
    expect((await call('Anna Lindqvist', 'POST', '/activities', { title: 'x', extra: 1 })).body).toMatchObject({ code: 'invalid-input' });
    expect((await call('Sara Nilsson', 'PUT', '/suggestions/x/vote', { voted: 'yes' })).status).toBe(400);
    expect((await call(null, 'GET', '')).status).toBe(401);
    const theirs = await call('outsider', 'GET', '?year=2026');
    const none = await fetch(`${url}/api/groups/${randomUUID()}/competence`, {
      headers: { Authorization: `Bearer ${tokens.issue({ tenantId: demo.tenantId, personId: outsider })}` },
    });
    expect(theirs.status).toBe(403);
    expect(await none.json()).toEqual(theirs.body);
    expect(JSON.stringify(theirs.body)).not.toContain('Ekologiska');
  });
});
