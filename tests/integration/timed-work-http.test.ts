/**
 * The tab's timed-work and follow-up routes over real HTTP with dev sign-in tokens:
 * `GET /api/groups/:groupId/timed-work`, `POST /api/groups/:groupId/timed-work/retry` and
 * `GET /api/meetings/:meetingId/follow-up`. First against the whole service in local mode (as
 * `npm start` runs it: the background worker plans every meeting's timed work through pg-boss),
 * then against the HTTP server with the real use cases on an embedded database, where a failed
 * run can be put in place and a retry checked in the database.
 */
import { rm } from 'node:fs/promises';
import { devTokenAuthenticator } from '../../bot/src/adapters/http/authenticator';
import { DevTokens } from '../../bot/src/adapters/http/dev-token';
import { close, createHttpServer, listen } from '../../bot/src/adapters/http/server';
import type { JobScheduler, ScheduledRun } from '../../bot/src/app/ports/job-scheduler';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../bot/src/app/use-cases';
import { readConfig } from '../../bot/src/config';
import type { Meeting } from '../../bot/src/domain/meeting';
import type { TimedRun } from '../../bot/src/domain/timed-work';
import { startService, type RunningService } from '../../bot/src/main';
import type { MigratedStorage } from '../support/database';
import { openDemoGroup, type DemoGroup } from '../support/demo-group';
import { fakePorts } from '../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../support/group-seed-mother';
import { silentLogger } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';

/** A run as JSON carries it (dates as ISO strings). */
interface RunBody {
  key: string;
  kind: string;
  meeting: { id: string; title: string } | null;
  runAt: string;
  state: string;
  attempts: number;
  outcome: Record<string, number> | null;
  failure: 'held-elsewhere' | 'error' | null;
}

interface MeetingBody {
  id: string;
  title: string;
  startsAt: string;
  status: string;
}

const DAY_MS = 86_400_000;
const CALL_FOR_PROPOSALS_DAYS = 21; // the demo group's lead time (bot/seed/ekologiska-hallbarhetsgruppen.json)

/** Stockholm's wall clock, worked out here with Intl, not with the product's own helpers. */
function stockholm(instant: Date): { day: string; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')), minute: Number(part('minute')) };
}

/** The calendar day `days` before `day` ("YYYY-MM-DD"). */
function daysBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/** 09:00 in Stockholm on `day`: 08:00Z in winter, 07:00Z in summer. */
function nineInStockholm(day: string): string {
  const at = [`${day}T08:00:00.000Z`, `${day}T07:00:00.000Z`].find((iso) => {
    const local = stockholm(new Date(iso));
    return local.day === day && local.hour === 9 && local.minute === 0;
  });
  if (!at) throw new Error(`no 09:00 in Stockholm on ${day}`);
  return at;
}

const bearer = (token?: string): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});

/** The three routes against a base URL. */
function client(baseUrl: () => string) {
  return {
    timedWork: (groupId: string, token?: string) => fetch(`${baseUrl()}/api/groups/${groupId}/timed-work`, { headers: bearer(token) }),
    retry: (groupId: string, token: string | undefined, body: unknown) =>
      fetch(`${baseUrl()}/api/groups/${groupId}/timed-work/retry`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...bearer(token) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    followUp: (meetingId: string, token?: string) => fetch(`${baseUrl()}/api/meetings/${meetingId}/follow-up`, { headers: bearer(token) }),
    async runs(groupId: string, token: string): Promise<RunBody[]> {
      const res = await this.timedWork(groupId, token);
      expect(res.status).toBe(200);
      return ((await res.json()) as { runs: RunBody[] }).runs;
    },
  };
}

const errorBody = (code: string) => ({ code, message: expect.any(String) as unknown });

describe('the timed-work and follow-up API on the whole service (local mode)', () => {
  let dataDir: string;
  let service: RunningService;
  const clock = fixedClock('2026-03-01T10:00:00Z');
  const api = client(() => service.url);
  const tokens = new Map<string, string>();
  let groupId = '';
  let meetings: MeetingBody[] = [];
  /** The calls for proposals the planner should have scheduled, by key: at 09:00 Stockholm, 21 days before. */
  let expectedCalls = new Map<string, { runAt: string; meeting: MeetingBody }>();
  let planned: RunBody[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-timed-work-http-');
    const config = {
      ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', OUTBOX_INTERVAL_MS: '200' }),
      port: 0,
      graphStandInPort: 0,
    };
    service = await startService(config, silentLogger, clock);
    const { people } = (await (await fetch(`${service.url}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
    for (const name of ['Anna Lindqvist', 'Erik Johansson', 'Sara Nilsson']) {
      const res = await fetch(`${service.url}/api/dev/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ personId: people.find((p) => p.name === name)!.id }),
      });
      expect(res.status).toBe(200);
      tokens.set(name, ((await res.json()) as { token: string }).token);
    }
    const me = (await (await fetch(`${service.url}/api/me`, { headers: bearer(tokens.get('Anna Lindqvist')) })).json()) as {
      groups: { id: string }[];
    };
    groupId = me.groups[0]!.id;
    // The demo group is seeded for the clock's year and the next.
    for (const year of [2026, 2027]) {
      const res = await fetch(`${service.url}/api/groups/${groupId}/meetings?year=${year}`, {
        headers: bearer(tokens.get('Anna Lindqvist')),
      });
      expect(res.status).toBe(200);
      meetings.push(...((await res.json()) as { meetings: MeetingBody[] }).meetings);
    }
    meetings = meetings.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const now = clock.now().getTime();
    expectedCalls = new Map(
      meetings
        .filter((m) => m.status === 'planned' || m.status === 'called')
        .map((m) => {
          const day = daysBefore(stockholm(new Date(m.startsAt)).day, CALL_FOR_PROPOSALS_DAYS);
          return [`call-for-proposals:${m.id}:${day}`, { runAt: nineInStockholm(day), meeting: m }] as const;
        })
        .filter(([, call]) => new Date(call.runAt).getTime() > now),
    );

    // The background worker plans every meeting's timed work shortly after the start: wait for it.
    const deadline = Date.now() + 20_000;
    for (;;) {
      planned = await api.runs(groupId, tokens.get('Anna Lindqvist')!);
      // A meeting is planned run by run, soonest first: its day-before reminder comes last.
      const done = [...expectedCalls.values()].every(({ meeting }) =>
        planned.some((r) => r.kind === 'day-before-reminder' && r.meeting?.id === meeting.id),
      );
      if (done || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 90_000); // starting the whole service is slow on a busy machine
  afterAll(async () => {
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const token = (name: string) => tokens.get(name)!;

  it('has meetings in both seeded years, some of them with a call for proposals still to come', () => {
    expect(meetings.some((m) => m.startsAt.startsWith('2026-'))).toBe(true);
    expect(meetings.some((m) => m.startsAt.startsWith('2027-'))).toBe(true);
    // Both sides of daylight saving: 08:00Z (winter) and 07:00Z (summer).
    const hours = new Set([...expectedCalls.values()].map((c) => c.runAt.slice(11, 16)));
    expect([...hours].sort()).toEqual(['07:00', '08:00']);
  });

  it("lists the group's planned calls for proposals to a strategist: scheduled at 09:00 Stockholm, 21 days before", async () => {
    const calls = planned.filter((r) => r.kind === 'call-for-proposals');
    expect(calls.map((r) => r.key).sort()).toEqual([...expectedCalls.keys()].sort());
    for (const run of calls) {
      const expected = expectedCalls.get(run.key)!;
      expect(run).toEqual({
        key: run.key,
        kind: 'call-for-proposals',
        meeting: { id: expected.meeting.id, title: expected.meeting.title },
        runAt: expected.runAt,
        state: 'scheduled',
        attempts: 0,
        outcome: null,
        failure: null,
      });
      expect(stockholm(new Date(run.runAt))).toMatchObject({ hour: 9, minute: 0 });
    }
    // Nothing is planned in the past, and everything is in time order.
    const now = clock.now().getTime();
    expect(planned.filter((r) => new Date(r.runAt).getTime() <= now)).toEqual([]);
    expect(planned.map((r) => r.runAt)).toEqual([...planned.map((r) => r.runAt)].sort());
  });

  it('plans a meeting well ahead with all of its runs, each at 09:00 Stockholm and before the meeting', async () => {
    const last = meetings[meetings.length - 1]!;
    const runs = planned.filter((r) => r.meeting?.id === last.id);
    // The kallelse and the status request both go five days before: same time, listed by key.
    expect(runs.map((r) => r.kind)).toEqual([
      'call-for-proposals',
      'proposal-deadline-reminder',
      'action-status-request',
      'kallelse',
      'day-before-reminder',
    ]);
    for (const run of runs) {
      expect(stockholm(new Date(run.runAt))).toMatchObject({ hour: 9, minute: 0 });
      expect(new Date(run.runAt).getTime()).toBeLessThan(new Date(last.startsAt).getTime());
      expect(run.key.startsWith(`${run.kind}:${last.id}:`)).toBe(true);
    }
    const meetingDay = stockholm(new Date(last.startsAt)).day;
    expect(runs.find((r) => r.kind === 'day-before-reminder')!.runAt).toBe(nineInStockholm(daysBefore(meetingDay, 1)));
  });

  it('shows the same list to the other strategist, with no caching', async () => {
    const res = await api.timedWork(groupId, token('Erik Johansson'));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { runs } = (await res.json()) as { runs: RunBody[] };
    expect(runs.filter((r) => r.kind === 'call-for-proposals').map((r) => r.key)).toEqual(
      planned.filter((r) => r.kind === 'call-for-proposals').map((r) => r.key),
    );
  });

  it('refuses a delegate (403) and a caller without a token (401)', async () => {
    const delegate = await api.timedWork(groupId, token('Sara Nilsson'));
    expect(delegate.status).toBe(403);
    expect(await delegate.json()).toEqual(errorBody('forbidden'));
    const anonymous = await api.timedWork(groupId);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual(errorBody('unauthenticated'));
    const badToken = await api.timedWork(groupId, 'not-a-token');
    expect(badToken.status).toBe(401);
  });

  it('refuses a retry with a body that is not just a key (400)', async () => {
    const scheduled = planned.find((r) => r.kind === 'call-for-proposals')!;
    const cases: [string, unknown][] = [
      ['extra fields', { key: scheduled.key, force: true }],
      ['no key', {}],
      ['a key that is not text', { key: 42 }],
      ['a key of spaces', { key: '   ' }],
      ['a key of 301 characters', { key: 'k'.repeat(301) }],
      ['no JSON object', '[]'],
    ];
    for (const [name, body] of cases) {
      const res = await api.retry(groupId, token('Anna Lindqvist'), body);
      expect([name, res.status]).toEqual([name, 400]);
      expect([name, await res.json()]).toEqual([name, errorBody('invalid-input')]);
    }
  });

  it('answers 404 for a key no run has (300 characters is still a key)', async () => {
    for (const key of ['call-for-proposals:no-such-meeting:2026-04-01', 'k'.repeat(300)]) {
      const res = await api.retry(groupId, token('Anna Lindqvist'), { key });
      expect([key.length, res.status]).toEqual([key.length, 404]);
      expect(await res.json()).toEqual(errorBody('not-found'));
    }
  });

  it('refuses to retry a run that has not failed (409), and leaves it scheduled', async () => {
    const scheduled = planned.find((r) => r.kind === 'call-for-proposals')!;
    const res = await api.retry(groupId, token('Anna Lindqvist'), { key: scheduled.key });
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual(errorBody('conflict'));
    const after = (await api.runs(groupId, token('Anna Lindqvist'))).find((r) => r.key === scheduled.key);
    expect(after).toEqual(scheduled);
  });

  it('refuses a retry by a delegate (403) or without a token (401)', async () => {
    const scheduled = planned.find((r) => r.kind === 'call-for-proposals')!;
    const delegate = await api.retry(groupId, token('Sara Nilsson'), { key: scheduled.key });
    expect(delegate.status).toBe(403);
    expect(await delegate.json()).toEqual(errorBody('forbidden'));
    const anonymous = await api.retry(groupId, undefined, { key: scheduled.key });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual(errorBody('unauthenticated'));
  });

  it('answers a member with an empty follow-up while no minutes are published', async () => {
    const next = meetings.find((m) => new Date(m.startsAt).getTime() > clock.now().getTime())!;
    for (const name of ['Sara Nilsson', 'Anna Lindqvist']) {
      const res = await api.followUp(next.id, token(name));
      expect([name, res.status]).toEqual([name, 200]);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ actions: [] });
    }
  });

  it('refuses the follow-up of a meeting of no group of the caller (403) and without a token (401)', async () => {
    const unknown = await api.followUp('no-such-meeting', token('Sara Nilsson'));
    expect(unknown.status).toBe(403);
    expect(await unknown.json()).toEqual(errorBody('forbidden'));
    const anonymous = await api.followUp(meetings[0]!.id);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual(errorBody('unauthenticated'));
  });
});

/** A scheduler that only records what it was asked to do. */
class RecordingScheduler implements JobScheduler {
  readonly scheduled: { run: ScheduledRun; options: { again?: boolean } | undefined }[] = [];
  readonly cancelled: string[] = [];
  async schedule(run: ScheduledRun, options?: { again?: boolean }): Promise<void> {
    this.scheduled.push({ run, options });
  }
  async cancel(key: string): Promise<void> {
    this.cancelled.push(key);
  }
}

describe('the timed-work and follow-up API with the database at hand', () => {
  const clock = fixedClock('2026-03-20T10:00:00Z');
  const devTokens = new DevTokens(() => clock.now());
  const scheduler = new RecordingScheduler();
  let demo: DemoGroup;
  let migrated: MigratedStorage;
  let server: ReturnType<typeof createHttpServer>;
  let url = '';
  const api = client(() => url);
  let meetings: Meeting[] = [];
  let otherGroupId = '';
  let outsiderToken = '';

  beforeAll(async () => {
    demo = await openDemoGroup(clock, () => true);
    migrated = demo.migrated;
    const tenantId = demo.tenantId;
    const useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
      scheduler,
    });
    server = createHttpServer({
      mode: 'local',
      logger: silentLogger,
      handleBotRequest: async () => undefined,
      health: async () => ({ database: 'up' }),
      tabDir: '/nonexistent',
      authenticator: devTokenAuthenticator(devTokens),
      tabApi: useCases,
    });
    await listen(server, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
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
    otherGroupId = other.groupId;
    const otherPeople = await migrated.storage.repositories.people.listByGroup(tenantId, other.groupId);
    outsiderToken = devTokens.issue({ tenantId, personId: otherPeople.find((p) => p.name === 'Anna Strateg')!.id });
    meetings = (await demo.meetings()).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }, 90_000);
  afterAll(async () => {
    if (server) await close(server);
    await migrated?.db.close();
  });

  const token = (name: string) => devTokens.issue({ tenantId: demo.tenantId, personId: demo.people.get(name)! });
  const upcoming = () => meetings.find((m) => m.startsAt.getTime() > clock.now().getTime())!;

  /** A run of the demo group put in place as the runner leaves a failed one. */
  async function failedRun(kind: TimedRun['kind'], lastError: string): Promise<TimedRun> {
    const meeting = upcoming();
    const run: TimedRun = {
      tenantId: demo.tenantId,
      key: `${kind}:${meeting.id}:test`,
      groupId: demo.groupId,
      meetingId: meeting.id,
      kind,
      subjectId: meeting.id,
      runAt: new Date(clock.now().getTime() - DAY_MS),
      state: 'failed',
      attempts: 3,
      outcome: { sent: 4, notReached: 2 },
      lastError,
      updatedAt: clock.now(),
    };
    await migrated.storage.repositories.timedRuns.save(run);
    return run;
  }

  it('shows failed runs to a strategist with why they failed, as a word, not the error text', async () => {
    const failed = await failedRun('kallelse', 'Error: connector said 502');
    const held = await failedRun('day-before-reminder', 'held-elsewhere');
    const runs = await api.runs(demo.groupId, token('Anna Lindqvist'));
    const meeting = upcoming();
    expect(runs.find((r) => r.key === failed.key)).toEqual({
      key: failed.key,
      kind: 'kallelse',
      meeting: { id: meeting.id, title: meeting.title },
      runAt: failed.runAt.toISOString(),
      state: 'failed',
      attempts: 3,
      outcome: { sent: 4, notReached: 2 },
      failure: 'error',
    });
    expect(runs.find((r) => r.key === held.key)).toMatchObject({ state: 'failed', failure: 'held-elsewhere' });
    expect(JSON.stringify(runs)).not.toContain('connector said 502');
    // Not to a strategist of another group, not even under their own group's id.
    expect((await api.timedWork(demo.groupId, outsiderToken)).status).toBe(403);
    expect((await api.runs(otherGroupId, outsiderToken)).map((r) => r.key)).not.toContain(failed.key);
  });

  it("retries a strategist's failed run at once (204): scheduled again, the error cleared", async () => {
    const failed = await failedRun('call-for-proposals', 'Error: boom');
    const before = scheduler.scheduled.length;
    const res = await api.retry(demo.groupId, token('Erik Johansson'), { key: failed.key });
    expect(res.status).toBe(204);
    expect(scheduler.scheduled.slice(before)).toEqual([
      { run: { key: failed.key, runAt: clock.now(), payload: { tenantId: demo.tenantId, key: failed.key } }, options: { again: true } },
    ]);
    expect(await migrated.storage.repositories.timedRuns.find(demo.tenantId, failed.key)).toEqual({
      ...failed,
      state: 'scheduled',
      lastError: null,
      updatedAt: clock.now(),
    });
    const shown = (await api.runs(demo.groupId, token('Anna Lindqvist'))).find((r) => r.key === failed.key);
    expect(shown).toMatchObject({ state: 'scheduled', failure: null });
    // Once it is scheduled again it is no longer a failed run.
    const again = await api.retry(demo.groupId, token('Erik Johansson'), { key: failed.key });
    expect(again.status).toBe(409);
    expect(scheduler.scheduled.length).toBe(before + 1);
  });

  it('refuses to retry a failed run for a delegate or a strategist of another group, changing nothing', async () => {
    const failed = await failedRun('action-status-request', 'Error: still failing');
    const before = scheduler.scheduled.length;
    // Under their own group's id the other group's strategist may retry, but the run is not theirs: 404, as for no run.
    for (const [who, groupId, bearerToken, status, code] of [
      ['delegate', demo.groupId, token('Sara Nilsson'), 403, 'forbidden'],
      ['outsider, demo group', demo.groupId, outsiderToken, 403, 'forbidden'],
      ['outsider, own group', otherGroupId, outsiderToken, 404, 'not-found'],
    ] as const) {
      const res = await api.retry(groupId, bearerToken, { key: failed.key });
      expect([who, res.status]).toEqual([who, status]);
      expect(await res.json()).toEqual(errorBody(code));
    }
    expect(scheduler.scheduled.length).toBe(before);
    expect(await migrated.storage.repositories.timedRuns.find(demo.tenantId, failed.key)).toEqual(failed);
  });

  it('lists the open actions of published minutes in the follow-up of a later meeting, to every member', async () => {
    const [earlier, later] = meetings.filter((m) => m.startsAt.getTime() > clock.now().getTime());
    const sara = demo.people.get('Sara Nilsson')!;
    const repos = migrated.storage.repositories;
    const res0 = await api.followUp(later!.id, token('Sara Nilsson'));
    expect(await res0.json()).toEqual({ actions: [] });

    await repos.actionItems.replaceForMeeting(demo.tenantId, earlier!.id, [
      {
        id: 'action-1',
        tenantId: demo.tenantId,
        groupId: demo.groupId,
        meetingId: earlier!.id,
        agendaItemId: null,
        position: 1,
        title: 'Ta fram underlag om dagvatten',
        ownerPersonId: sara,
        organisationId: null,
        dueDate: '2026-06-01',
        status: 'open',
        createdAt: clock.now(),
        updatedAt: clock.now(),
      },
    ]);
    // Not yet: the minutes are not published.
    expect(await (await api.followUp(later!.id, token('Sara Nilsson'))).json()).toEqual({ actions: [] });
    await repos.meetings.save({ ...earlier!, status: 'minutes_published' });

    for (const name of ['Sara Nilsson', 'Anna Lindqvist']) {
      const res = await api.followUp(later!.id, token(name));
      expect([name, res.status]).toEqual([name, 200]);
      const { actions } = (await res.json()) as { actions: { id: string; title: string; owner: { name: string } | null }[] };
      expect(actions).toEqual([
        {
          id: 'action-1',
          title: 'Ta fram underlag om dagvatten',
          owner: { id: sara, name: 'Sara Nilsson', organisationName: expect.any(String) },
          dueDate: '2026-06-01',
          status: 'open',
          decidedAt: { id: earlier!.id, title: earlier!.title, startsAt: earlier!.startsAt.toISOString() },
          answer: null,
        },
      ]);
    }
    // The meeting that decided it does not follow it up.
    expect(await (await api.followUp(earlier!.id, token('Sara Nilsson'))).json()).toEqual({ actions: [] });
    // A member of another group is refused, as for a meeting that does not exist.
    const outsider = await api.followUp(later!.id, outsiderToken);
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toEqual(errorBody('forbidden'));
  });
});
