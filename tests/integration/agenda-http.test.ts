/**
 * `GET/PUT /api/meetings/:meetingId/agenda` over real HTTP with dev sign-in tokens: first against
 * the whole service in local mode (as `npm start` runs it), then against the HTTP server with the
 * real use cases on an embedded database, so that every refusal can be checked in the database.
 */
import { rm } from 'node:fs/promises';
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import type { Meeting } from '../../bot/src/domain/meeting';
import type { MigratedStorage } from '../support/database';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts } from '../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../support/group-seed-mother';
import { silentLogger } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';

/** The agenda as JSON carries it (dates as ISO strings). */
interface AgendaBody {
  groupId: string;
  meeting: { id: string; status: string };
  canEdit: boolean;
  revision: string;
  items: {
    id: string;
    position: number;
    title: string;
    durationMinutes: number;
    startsAt: string;
    presenter: { id: string; name: string } | null;
    proposalId: string | null;
    standing: boolean;
  }[];
  totalMinutes: number;
  missingStandingItems: { title: string; minutes: number; placement: string }[];
  presenters: { id: string; name: string }[];
  backlog: { id: string; title: string }[];
  deferTargets: { id: string }[];
}

interface Draft {
  id: string | null;
  title: string;
  durationMinutes: number;
  presenterPersonId: string | null;
  proposalId: string | null;
  standing: boolean;
}

const drafts = (body: AgendaBody): Draft[] =>
  body.items.map((i) => ({
    id: i.id,
    title: i.title,
    durationMinutes: i.durationMinutes,
    presenterPersonId: i.presenter?.id ?? null,
    proposalId: i.proposalId,
    standing: i.standing,
  }));

const STANDING = [
  'Mötet öppnas',
  'Fastställande av dagordning',
  'Föregående mötes minnesanteckningar och åtgärdslista',
  'Runda: aktuellt från förvaltningar och bolag',
  'Återrapportering till Utskottet för Agenda 2030 och SDL',
  'Övriga frågor',
  'Nästa möte',
  'Mötet avslutas',
];

/** GET and PUT of one meeting's agenda against a base URL. */
function agendaClient(baseUrl: () => string) {
  const route = (meetingId: string) => `${baseUrl()}/api/meetings/${meetingId}/agenda`;
  return {
    get: (meetingId: string, token?: string) => fetch(route(meetingId), token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    put: (meetingId: string, token: string | null, body: unknown) =>
      fetch(route(meetingId), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async read(meetingId: string, token: string): Promise<AgendaBody> {
      const res = await this.get(meetingId, token);
      expect(res.status).toBe(200);
      return (await res.json()) as AgendaBody;
    },
  };
}

describe('the agenda API on the whole service (local mode)', () => {
  let dataDir: string;
  let service: RunningService;
  const clock = { now: () => new Date('2026-03-01T10:00:00Z') };
  const agenda = agendaClient(() => service.url);
  const tokens = new Map<string, string>();
  let meetingId = '';

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-agenda-http-');
    const config = { ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 };
    service = await startService(config, silentLogger, clock);
    const { people } = (await (await fetch(`${service.url}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
    for (const name of ['Anna Lindqvist', 'Erik Johansson', 'Sara Nilsson']) {
      const res = await fetch(`${service.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ personId: people.find((p) => p.name === name)!.id }),
      });
      tokens.set(name, ((await res.json()) as { token: string }).token);
    }
    const me = (await (
      await fetch(`${service.url}/api/me`, { headers: { Authorization: `Bearer ${tokens.get('Anna Lindqvist')}` } })
    ).json()) as {
      groups: { id: string }[];
    };
    const overview = (await (
      await fetch(`${service.url}/api/groups/${me.groups[0]!.id}/overview?year=2026`, {
        headers: { Authorization: `Bearer ${tokens.get('Anna Lindqvist')}` },
      })
    ).json()) as { nextMeeting: { id: string; startsAt: string } };
    expect(overview.nextMeeting.startsAt).toBe('2026-03-11T12:00:00.000Z');
    meetingId = overview.nextMeeting.id;
  }, 90_000); // starting the whole service is slow on a busy machine
  afterAll(async () => {
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const token = (name: string) => tokens.get(name)!;

  it("answers a delegate with the group's standing items, stores nothing and offers no editing", async () => {
    const first = await agenda.read(meetingId, token('Sara Nilsson'));
    expect(first.items.map((i) => i.title)).toEqual(STANDING);
    expect(first.items[0]!.startsAt).toBe('2026-03-11T12:00:00.000Z');
    expect(first).toMatchObject({ canEdit: false, backlog: [], deferTargets: [], totalMinutes: 65 });
    // Nothing was stored, so a second read makes the agenda up afresh, with new ids.
    const second = await agenda.read(meetingId, token('Sara Nilsson'));
    expect(second.items.map((i) => i.id)).not.toEqual(first.items.map((i) => i.id));
  });

  it("stores the agenda on a strategist's read: the same ids for everyone from then on", async () => {
    const anna = await agenda.read(meetingId, token('Anna Lindqvist'));
    expect(anna.canEdit).toBe(true);
    expect(anna.items.map((i) => i.title)).toEqual(STANDING);
    const erik = await agenda.read(meetingId, token('Erik Johansson'));
    const sara = await agenda.read(meetingId, token('Sara Nilsson'));
    expect(erik.items.map((i) => i.id)).toEqual(anna.items.map((i) => i.id));
    expect(sara.items.map((i) => i.id)).toEqual(anna.items.map((i) => i.id));
    expect([erik.revision, sara.revision]).toEqual([anna.revision, anna.revision]);
  });

  it("saves a strategist's edit and shows it to everyone; a delegate's save is refused with 403", async () => {
    const before = await agenda.read(meetingId, token('Anna Lindqvist'));
    const [open, ...rest] = drafts(before);
    const sara = before.presenters.find((p) => p.name === 'Sara Nilsson')!.id;
    const edit: Draft[] = [
      { ...rest[4]!, durationMinutes: 15 }, // "Övriga frågor" first
      open!,
      { id: null, title: 'Dagvatten i nya detaljplaner', durationMinutes: 25, presenterPersonId: sara, proposalId: null, standing: false },
      ...rest.filter((_d, n) => n !== 4 && n !== 5), // without "Nästa möte"
    ];

    const refused = await agenda.put(meetingId, token('Sara Nilsson'), { expectedRevision: before.revision, items: edit });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ code: 'forbidden', message: expect.any(String) });
    expect((await agenda.read(meetingId, token('Anna Lindqvist'))).revision).toBe(before.revision);

    const res = await agenda.put(meetingId, token('Anna Lindqvist'), { expectedRevision: before.revision, items: edit });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const saved = (await res.json()) as AgendaBody;
    expect(saved.items.map((i) => [i.position, i.title, i.durationMinutes, i.presenter?.name ?? null, i.startsAt.slice(11, 16)])).toEqual([
      [1, 'Övriga frågor', 15, null, '12:00'],
      [2, 'Mötet öppnas', 5, null, '12:15'],
      [3, 'Dagvatten i nya detaljplaner', 25, 'Sara Nilsson', '12:20'],
      [4, 'Fastställande av dagordning', 5, null, '12:45'],
      [5, 'Föregående mötes minnesanteckningar och åtgärdslista', 10, null, '12:50'],
      [6, 'Runda: aktuellt från förvaltningar och bolag', 20, null, '13:00'],
      [7, 'Återrapportering till Utskottet för Agenda 2030 och SDL', 10, null, '13:20'],
      [8, 'Mötet avslutas', 5, null, '13:30'],
    ]);
    expect(saved.missingStandingItems.map((t) => t.title)).toEqual(['Nästa möte']);
    const seen = await agenda.read(meetingId, token('Sara Nilsson'));
    expect(seen.items).toEqual(saved.items);
    expect(seen.revision).toBe(saved.revision);
  });

  it('refuses a save started from an older revision with 409, and keeps the saved agenda', async () => {
    const current = await agenda.read(meetingId, token('Erik Johansson'));
    const first = await agenda.put(meetingId, token('Anna Lindqvist'), {
      expectedRevision: current.revision,
      items: drafts(current).reverse(),
    });
    expect(first.status).toBe(200);
    const kept = (await first.json()) as AgendaBody;
    const stale = await agenda.put(meetingId, token('Erik Johansson'), { expectedRevision: current.revision, items: drafts(current) });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({ code: 'conflict', message: expect.stringContaining('reload') });
    const after = await agenda.read(meetingId, token('Erik Johansson'));
    expect([after.revision, after.items.map((i) => i.id)]).toEqual([kept.revision, kept.items.map((i) => i.id)]);
  });

  it('answers a malformed request with 400 naming the field, a stranger with 401 and an unknown meeting with 403', async () => {
    const current = await agenda.read(meetingId, token('Anna Lindqvist'));
    const [first, ...rest] = drafts(current);
    const put = (body: unknown, who: string | null = token('Anna Lindqvist'), meeting = meetingId) => agenda.put(meeting, who, body);
    const cases: [unknown, string][] = [
      [{ expectedRevision: current.revision, items: [{ ...first, durationMinutes: '10' }, ...rest] }, 'items.0.durationMinutes'],
      [{ expectedRevision: current.revision, items: [first, ...rest], force: true }, 'force'],
      [{ items: [first, ...rest] }, 'expectedRevision'],
      [{ expectedRevision: current.revision, items: [{ ...first, title: 'x'.repeat(201) }, ...rest] }, 'items.0.title'],
      [{ expectedRevision: current.revision, items: [{ ...first, id: 'not an id!' }, ...rest] }, 'items.0.id'],
      [{ expectedRevision: current.revision, items: [{ ...first, colour: 'red' }, ...rest] }, 'items.0'],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect([field, res.status]).toEqual([field, 400]);
      expect(await res.json()).toEqual({ code: 'invalid-input', message: expect.stringContaining(field) });
    }
    expect((await put('{"expectedRevision":')).status).toBe(400);
    expect((await put({ expectedRevision: current.revision, items: drafts(current) }, null)).status).toBe(401);
    expect((await agenda.get(meetingId)).status).toBe(401);
    expect((await agenda.get('00000000-0000-4000-8000-000000000000', token('Anna Lindqvist'))).status).toBe(403);
    expect(
      (await put({ expectedRevision: current.revision, items: [] }, token('Anna Lindqvist'), '00000000-0000-4000-8000-000000000000'))
        .status,
    ).toBe(403);
    expect((await agenda.get('not%20an%20id', token('Anna Lindqvist'))).status).toBe(400);
    expect((await agenda.read(meetingId, token('Anna Lindqvist'))).revision).toBe(current.revision);
  });
});

describe('the agenda API with the database at hand', () => {
  const clock = fixedClock('2026-02-20T09:00:00Z');
  const ports = fakePorts(clock);
  const devTokens = new DevTokens(() => clock.now());
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';
  const agenda = agendaClient(() => url);
  let meetings: Meeting[] = [];
  const tokens = new Map<string, string>();
  let outsiderToken = '';
  let outsiderMember = '';

  beforeAll(async () => {
    demo = await openDemoGroup(clock, () => true);
    migrated = demo.migrated;
    const tenantId = demo.tenantId;
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...ports,
    });
    server = createHttpServer({
      mode: 'local',
      logger: silentLogger,
      handleBotRequest: async () => undefined,
      health: async () => ({ database: 'up' }),
      tabDir: '/nonexistent',
      authenticator: devTokenAuthenticator(devTokens),
      tabApi: useCases,
      devSignIn: { tenantId, tokens: devTokens, listPeople: () => useCases.listSignInPeople(tenantId) },
    });
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    for (const name of ['Anna Lindqvist', 'Sara Nilsson']) {
      const res = await fetch(`${url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ personId: demo.people.get(name) }),
      });
      expect(res.status).toBe(200);
      tokens.set(name, ((await res.json()) as { token: string }).token);
    }
    // Another group in the same tenant: its strategist is no member of the demo group.
    const base = aGroupSeed({ tenant: { id: tenantId, name: 'Trollhättans Stad (demo)' } });
    const other = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds('other') },
      {
        ...base,
        group: { ...base.group, name: 'Sociala hållbarhetsgruppen', teamId: null },
        people: base.people.map((p) => ({ ...p, email: `other-${p.email}`, aadObjectId: null })),
        goals: [],
      },
      [2026],
    );
    const otherPeople = await migrated.storage.repositories.people.listByGroup(tenantId, other.groupId);
    outsiderToken = devTokens.issue({ tenantId, personId: otherPeople.find((p) => p.name === 'Anna Strateg')!.id });
    outsiderMember = otherPeople.find((p) => p.name === 'Sara Delegat')!.id;
    meetings = (await demo.meetings()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }, 90_000);
  afterAll(async () => {
    if (server) await close(server);
    await migrated?.db.close();
  });

  const token = (name: string) => tokens.get(name)!;
  const meetingId = (n: number) => meetings[n - 1]!.id;

  /** Every agenda row and every saved-agenda audit event of the tenant. */
  async function snapshot() {
    const rows = await migrated.db.query('SELECT * FROM agenda_item WHERE tenant_id = $1 ORDER BY meeting_id, position', [demo.tenantId]);
    const saves = await migrated.db.query("SELECT id FROM audit_event WHERE tenant_id = $1 AND action = 'agenda.saved'", [demo.tenantId]);
    return { rows, saves: saves.length };
  }

  async function acceptedProposal(name: string, title: string, meeting: string): Promise<string> {
    const form = await useCases.openProposalForm(demo.as(name));
    const stored = await useCases.submitProposal({
      ...demo.as(name),
      groupId: demo.groupId,
      proposalId: null,
      submissionKey: `k-${title}`,
      draft: { ...form.values, title, kind: 'diskussion', minutesNeeded: 20, meetingId: meeting },
    });
    if (stored.kind !== 'stored') throw new Error('proposal not stored');
    await useCases.decideProposal({ ...demo.as('Anna Lindqvist'), proposalId: stored.proposal.id, decision: 'accept' });
    return stored.proposal.id;
  }

  it('refuses to drop an accepted proposal or to take on one that is not accepted (422), writing nothing', async () => {
    const proposalId = await acceptedProposal('Karin Berg', 'Upphandling av cyklar', meetingId(2));
    const current = await agenda.read(meetingId(2), token('Anna Lindqvist'));
    expect(current.items.filter((i) => i.proposalId === proposalId).map((i) => i.title)).toEqual(['Upphandling av cyklar']);
    const before = await snapshot();

    const dropped = await agenda.put(meetingId(2), token('Anna Lindqvist'), {
      expectedRevision: current.revision,
      items: drafts(current).filter((d) => d.proposalId !== proposalId),
    });
    expect(dropped.status).toBe(422);
    expect(await dropped.json()).toEqual({ code: 'invalid', message: expect.stringContaining('accepted proposal is missing') });

    const submitted = await useCases.submitProposal({
      ...demo.as('Johan Ek'),
      groupId: demo.groupId,
      proposalId: null,
      submissionKey: 'k-waiting',
      draft: {
        ...(await useCases.openProposalForm(demo.as('Johan Ek'))).values,
        title: 'Väntar',
        kind: 'diskussion',
        minutesNeeded: 10,
        meetingId: meetingId(2),
      },
    });
    if (submitted.kind !== 'stored') throw new Error('proposal not stored');
    const sneaked = await agenda.put(meetingId(2), token('Anna Lindqvist'), {
      expectedRevision: current.revision,
      items: [
        ...drafts(current),
        { id: null, title: 'Väntar', durationMinutes: 10, presenterPersonId: null, proposalId: submitted.proposal.id, standing: false },
      ],
    });
    expect(sneaked.status).toBe(422);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses unknown items, presenters who are not members and bad lengths, writing nothing', async () => {
    const current = await agenda.read(meetingId(2), token('Anna Lindqvist'));
    const otherMeetingItem = (await agenda.read(meetingId(3), token('Anna Lindqvist'))).items[0]!.id;
    const before = await snapshot();
    const change = (patch: Partial<Draft>) => drafts(current).map((d, n) => (n === 0 ? { ...d, ...patch } : d));
    const cases: [string, Draft[], number][] = [
      ["another meeting's item", change({ id: otherMeetingItem }), 422],
      ['an item never stored', change({ id: 'uc-99999' }), 422],
      ['a member of another group presenting', change({ presenterPersonId: outsiderMember }), 422],
      ['a length of 0', change({ durationMinutes: 0 }), 400],
      ['a length of 481', change({ durationMinutes: 481 }), 400],
      ['a title of spaces', change({ title: '    ' }), 400],
      [
        '41 items',
        [...drafts(current), ...Array.from({ length: 41 - current.items.length }, () => ({ ...drafts(current)[0]!, id: null }))],
        400,
      ],
    ];
    for (const [name, items, status] of cases) {
      const res = await agenda.put(meetingId(2), token('Anna Lindqvist'), { expectedRevision: current.revision, items });
      expect([name, res.status]).toEqual([name, status]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a strategist of another group (403) on reading and saving, writing nothing', async () => {
    const current = await agenda.read(meetingId(2), token('Anna Lindqvist'));
    const before = await snapshot();
    expect((await agenda.get(meetingId(2), outsiderToken)).status).toBe(403);
    const res = await agenda.put(meetingId(2), outsiderToken, { expectedRevision: current.revision, items: drafts(current).reverse() });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 'forbidden', message: expect.any(String) });
    const delegate = await agenda.put(meetingId(2), token('Sara Nilsson'), {
      expectedRevision: current.revision,
      items: drafts(current).reverse(),
    });
    expect(delegate.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to save the agenda of a meeting held, cancelled or already begun (409), writing nothing', async () => {
    await migrated.storage.repositories.meetings.save({ ...meetings[3]!, status: 'held' });
    await migrated.storage.repositories.meetings.save({ ...meetings[4]!, status: 'cancelled' });
    const before = await snapshot();
    for (const n of [1, 4, 5]) {
      const view = await agenda.read(meetingId(n), token('Anna Lindqvist'));
      expect(view.canEdit).toBe(false);
      const res = await agenda.put(meetingId(n), token('Anna Lindqvist'), {
        expectedRevision: view.revision,
        items: drafts(view).reverse(),
      });
      expect([n, res.status]).toEqual([n, 409]);
      expect(await res.json()).toMatchObject({ code: 'conflict' });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('updates the sent kallelse in place when the agenda of a called meeting is saved', async () => {
    const sendRes = await fetch(`${url}/api/meetings/${meetingId(2)}/kallelse`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token('Anna Lindqvist')}` },
    });
    expect(sendRes.status).toBe(200);
    const sent = ports.messenger.sent.length;
    const updated = ports.messenger.updated.length;
    const current = await agenda.read(meetingId(2), token('Anna Lindqvist'));
    expect(current.meeting.status).toBe('called');
    const res = await agenda.put(meetingId(2), token('Anna Lindqvist'), {
      expectedRevision: current.revision,
      items: drafts(current)
        .map((d) => (d.title === 'Upphandling av cyklar' ? { ...d, durationMinutes: 35 } : d))
        .reverse(),
    });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as AgendaBody;
    const updates = ports.messenger.updated.slice(updated);
    expect(updates).toHaveLength(8);
    for (const { notice } of updates) {
      expect(notice.kind === 'kallelse' && notice.agenda.map((i) => [i.title, i.minutes, i.startsAt.toISOString()])).toEqual(
        saved.items.map((i) => [i.title, i.durationMinutes, i.startsAt]),
      );
    }
    expect(saved.items.find((i) => i.title === 'Upphandling av cyklar')?.durationMinutes).toBe(35);
    expect(ports.messenger.sent.length).toBe(sent);
  });
});
