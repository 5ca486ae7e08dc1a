/**
 * `GET /api/search` over real HTTP, with the real use cases on an embedded database: the demo
 * group with a proposal, an agenda item, a draft of minutes and an action, next to a second group
 * of the same municipality and a group of another municipality holding the same words. A member
 * finds their group's things with the terms marked and a link into the tab; nobody finds another
 * group's or tenant's rows, or names a group they are not in; bad queries are a 400.
 */
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import type { Repositories } from '../../bot/src/app/ports/repositories';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import type { Actor } from '../../bot/src/app/find-member';
import type { MigratedStorage } from '../support/database';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts } from '../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../support/group-seed-mother';
import { silentLogger } from '../support/silent-logger';

interface Segment {
  text: string;
  mark: boolean;
}
interface ResultBody {
  kind: string;
  id: string;
  group: { id: string; name: string };
  title: Segment[];
  snippet: Segment[];
  meeting: { id: string; title: string; startsAt: string } | null;
  draft: boolean;
  target: { view: string; arg: string };
}

const text = (segments: Segment[]) => segments.map((s) => s.text).join('');
const marked = (segments: Segment[]) => segments.filter((s) => s.mark).map((s) => s.text);

describe('the search API over HTTP', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  const tokens = new DevTokens(() => clock.now());
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let repos: Repositories;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';
  let marchId = '';
  let itemId = '';
  let otherGroupId = '';
  let otherGroupAnna: Actor;
  let otherTenantAnna: Actor;

  /** A proposal, an agenda item, a draft of minutes and an action in a group, all about skyfall. */
  async function plant(tenantId: string, groupId: string, meetingId: string, proposerId: string, secret: string) {
    const now = clock.now();
    await repos.proposals.save({
      id: `p-${secret}`,
      tenantId,
      groupId,
      title: `Skyfallsplan för ${secret}`,
      description: `Hur <script>alert(1)</script> ${secret} klarar skyfall och översvämningar.`,
      kind: 'diskussion',
      organisationId: null,
      proposerPersonId: proposerId,
      meetingId,
      requestedMeetingId: meetingId,
      late: false,
      minutesNeeded: 20,
      goalIds: [],
      status: 'submitted',
      decisionNote: null,
      submissionKey: null,
      createdAt: now,
      updatedAt: now,
    });
    const item = `i-${secret}`;
    await repos.agendaItems.replaceForMeeting(tenantId, meetingId, [
      {
        id: item,
        tenantId,
        groupId,
        meetingId,
        position: 1,
        title: `Skyfallen i ${secret}`,
        durationMinutes: 20,
        presenterPersonId: null,
        proposalId: null,
        standing: false,
      },
    ]);
    await repos.minutes.insert({
      tenantId,
      groupId,
      meetingId,
      version: 1,
      status: 'draft',
      revision: 1,
      body: {
        items: [
          {
            agendaItemId: item,
            title: `Skyfallen i ${secret}`,
            notes: `Utkast: skyfallet i ${secret}.`,
            decision: 'Ta fram en skyfallsplan.',
          },
        ],
        record: null,
      },
      publishedAt: null,
      publishedByPersonId: null,
      createdAt: now,
      updatedAt: now,
      updatedByPersonId: proposerId,
    });
    await repos.actionItems.replaceForMeeting(tenantId, meetingId, [
      {
        id: `a-${secret}`,
        tenantId,
        groupId,
        meetingId,
        agendaItemId: item,
        position: 1,
        title: `Kartlägg skyfallsrisker i ${secret}`,
        ownerPersonId: proposerId,
        organisationId: null,
        dueDate: '2026-04-30',
        status: 'open',
        createdAt: now,
        updatedAt: now,
      },
    ]);
    return item;
  }

  beforeAll(async () => {
    demo = await openDemoGroup(clock);
    migrated = demo.migrated;
    repos = migrated.storage.repositories;
    const base = aGroupSeed({ tenant: { id: demo.tenantId, name: 'Trollhättans Stad (demo)' } });
    const sibling = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('other') },
      {
        ...base,
        group: { ...base.group, name: 'Sociala hållbarhetsgruppen', teamId: null },
        people: base.people.map((p) => ({ ...p, email: `other-${p.email}`, aadObjectId: null })),
        goals: [],
      },
      [2026],
    );
    otherGroupId = sibling.groupId;
    const foreignSeed = aGroupSeed();
    const foreign = {
      tenantId: foreignSeed.tenant.id,
      ...(await seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('foreign') }, foreignSeed, [2026])),
    };
    const annaOf = async (tenantId: string, groupId: string): Promise<Actor> => ({
      tenantId,
      personId: (await repos.people.listByGroup(tenantId, groupId)).find((p) => p.name === 'Anna Strateg')!.id,
    });
    otherGroupAnna = await annaOf(demo.tenantId, otherGroupId);
    otherTenantAnna = await annaOf(foreign.tenantId, foreign.groupId);

    marchId = (await demo.meetings()).find((m) => m.startsAt.toISOString().startsWith('2026-03'))!.id;
    itemId = await plant(demo.tenantId, demo.groupId, marchId, demo.people.get('Sara Nilsson')!, 'Trollhättan');
    const firstMeeting = async (tenantId: string, groupId: string) => (await repos.meetings.listByGroup(tenantId, groupId))[0]!.id;
    await plant(demo.tenantId, otherGroupId, await firstMeeting(demo.tenantId, otherGroupId), otherGroupAnna.personId, 'Vänersborg');
    await plant(
      foreign.tenantId,
      foreign.groupId,
      await firstMeeting(foreign.tenantId, foreign.groupId),
      otherTenantAnna.personId,
      'Uddevalla',
    );

    const useCases = createUseCases({
      repositories: repos,
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

  const search = (query: Record<string, string>, token?: string) =>
    fetch(`${url}/api/search?${new URLSearchParams(query).toString()}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const results = async (query: Record<string, string>, token: string) => {
    const res = await search(query, token);
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: ResultBody[] }).results;
  };

  it('finds a delegate’s group’s proposal, item, decision, notes and action, marked and linked', async () => {
    const sara = tokens.issue(demo.as('Sara Nilsson'));
    const found = await results({ q: 'skyfall', groupId: demo.groupId }, sara);
    expect(found.map((r) => [r.kind, r.target])).toEqual([
      ['proposal', { view: 'proposals', arg: 'p-Trollhättan' }],
      ['item', { view: 'minutes', arg: marchId }],
      ['decision', { view: 'minutes', arg: marchId }],
      ['minutes', { view: 'minutes', arg: marchId }],
      ['action', { view: 'minutes', arg: marchId }],
    ]);
    const [proposal, item, decision] = found as [ResultBody, ResultBody, ResultBody];
    expect(marked(proposal.title)).toEqual(['Skyfallsplan']);
    expect(text(proposal.title)).toBe('Skyfallsplan för Trollhättan');
    expect(marked(proposal.snippet)).toEqual(['skyfall']);
    // Markup in the text stays text, and is left out of the excerpt by the headline function.
    for (const c of ['<', '>', '\u0002', '\u0003']) expect(text(proposal.snippet)).not.toContain(c);
    expect(item).toMatchObject({ id: itemId, group: { id: demo.groupId, name: 'Ekologiska hållbarhetsgruppen' }, draft: false });
    expect(item.meeting).toEqual({ id: marchId, title: expect.any(String), startsAt: expect.stringMatching(/^2026-03-/) });
    expect(decision.draft).toBe(true);
    expect(text(decision.title)).toBe('Skyfallen i Trollhättan');
    expect(marked(decision.snippet)).toEqual(['skyfallsplan']);
  });

  it('opens an agenda item in the agenda for a strategist, and searches all their groups without a groupId', async () => {
    const anna = tokens.issue(demo.as('Anna Lindqvist'));
    const items = await results({ q: 'skyfallen', kind: 'item' }, anna);
    expect(items.map((r) => [r.kind, r.target])).toEqual([['item', { view: 'meeting', arg: marchId }]]);
  });

  it('never shows another group’s or another municipality’s rows', async () => {
    for (const who of [demo.as('Sara Nilsson'), otherGroupAnna, otherTenantAnna]) {
      const found = await results({ q: 'skyfall' }, tokens.issue(who));
      const groups = new Set(found.map((r) => r.group.id));
      expect(groups.size).toBe(1);
      const place = who === otherGroupAnna ? 'Vänersborg' : who === otherTenantAnna ? 'Uddevalla' : 'Trollhättan';
      for (const r of found) expect(`${text(r.title)} ${text(r.snippet)}`).toContain(place);
    }
    const sara = tokens.issue(demo.as('Sara Nilsson'));
    expect(await results({ q: 'Vänersborg' }, sara)).toEqual([]);
    expect(await results({ q: 'Uddevalla' }, sara)).toEqual([]);
    // Naming a group one is not in: the same refusal as for one that does not exist.
    for (const groupId of [otherGroupId, 'no-such-group']) {
      const res = await search({ q: 'skyfall', groupId }, sara);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ code: 'forbidden', message: 'Not a member of this group' });
    }
  });

  it('refuses a query too short, too long, with NUL, an unknown kind or parameter, and no session', async () => {
    const sara = tokens.issue(demo.as('Sara Nilsson'));
    for (const query of [
      {},
      { q: 'a' },
      { q: '  a  ' },
      { q: 'å'.repeat(201) },
      { q: 'sky\u0000fall' },
      { q: 'skyfall', kind: 'person' },
      { q: 'skyfall', extra: '1' },
      { q: 'skyfall', groupId: '../x' },
    ]) {
      const res = await search(query as Record<string, string>, sara);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ code: 'invalid-input', message: expect.any(String) });
    }
    expect((await search({ q: 'skyfall' })).status).toBe(401);
    // Query syntax is never an error: a stray quote or operator just searches.
    expect(await results({ q: '"skyfall & !(' }, sara)).toEqual(expect.any(Array));
    expect(await results({ q: 'och det' }, sara)).toEqual([]);
  });
});
