/**
 * The *Mötesplan* routes over real HTTP on the whole service (local mode, seeded demo group with
 * 2026 and 2027 planned): a strategist plans, moves, re-chairs and cancels; a delegate reads but
 * is refused every change with 403 and nothing changes; bad input is a 400 that names the field.
 */
import { rm } from 'node:fs/promises';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';

interface MeetingJson {
  id: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  place: string;
  onlineUrl: string | null;
  status: string;
  chair: { id: string; name: string } | null;
}

describe('the meeting plan over HTTP', () => {
  let dataDir: string;
  let service: RunningService;
  let anna = '';
  let sara = '';
  let groupId = '';
  const clock = { now: () => new Date('2026-03-01T10:00:00Z') };

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-plan-http-');
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, clock);
    anna = await signIn('Anna Lindqvist');
    sara = await signIn('Sara Nilsson');
    const me = (await (await call(anna, 'GET', '/api/me')).json()) as { groups: { id: string }[] };
    groupId = me.groups[0]!.id;
  });
  afterAll(async () => {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function signIn(name: string): Promise<string> {
    const { people } = (await (await fetch(`${service.url}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
    const res = await fetch(`${service.url}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: people.find((p) => p.name === name)!.id }),
    });
    return ((await res.json()) as { token: string }).token;
  }

  function call(token: string, method: string, route: string, body?: unknown): Promise<Response> {
    return fetch(`${service.url}${route}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function plan(token: string, year: number) {
    const res = await call(token, 'GET', `/api/groups/${groupId}/meetings?year=${year}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { canChange: boolean; meetings: MeetingJson[]; strategists: { id: string; name: string }[] };
  }

  const pattern = {
    year: 2028,
    count: 8,
    weekday: 3,
    occurrence: 2,
    startTime: '13:00',
    durationMinutes: 120,
    place: 'Stadshuset',
    onlineUrl: 'https://teams.microsoft.com/l/meetup-join/plan',
  };

  it('lets a strategist preview and plan a year, and refuses planning it twice', async () => {
    const preview = await call(anna, 'POST', `/api/groups/${groupId}/meetings/plan`, { ...pattern, preview: true });
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as { meetings: MeetingJson[] }).meetings).toHaveLength(8);
    expect((await plan(anna, 2028)).meetings).toEqual([]);

    const created = await call(anna, 'POST', `/api/groups/${groupId}/meetings/plan`, pattern);
    expect(created.status).toBe(201);
    const body = (await created.json()) as { stored: boolean; meetings: MeetingJson[] };
    expect(body.stored).toBe(true);
    expect(body.meetings.map((m) => m.chair?.name)).toEqual(expect.arrayContaining(['Anna Lindqvist', 'Erik Johansson']));
    const again = await call(anna, 'POST', `/api/groups/${groupId}/meetings/plan`, pattern);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'conflict', message: expect.stringContaining('year') });
    expect((await plan(anna, 2028)).meetings).toHaveLength(8);
  });

  it('lets a strategist move a meeting, swap its chair, read its handover and cancel it', async () => {
    const [meeting] = (await plan(anna, 2027)).meetings;
    const moved = await call(anna, 'PATCH', `/api/meetings/${meeting!.id}`, { date: '2027-02-17', time: '09:00', place: 'Kulturhuset' });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({
      kallelseAlreadySent: false,
      meeting: { startsAt: '2027-02-17T08:00:00.000Z', place: 'Kulturhuset' },
    });

    const other = (await plan(anna, 2027)).strategists.find((s) => s.id !== meeting!.chair?.id)!;
    const swapped = await call(anna, 'POST', `/api/meetings/${meeting!.id}/chair`, { chairPersonId: other.id });
    expect(swapped.status).toBe(200);
    expect(((await swapped.json()) as { meeting: MeetingJson }).meeting.chair?.id).toBe(other.id);

    const handover = await call(sara, 'GET', `/api/meetings/${meeting!.id}/handover`);
    expect(handover.status).toBe(200);
    expect(await handover.json()).toMatchObject({
      canChange: false,
      meeting: { id: meeting!.id },
      previousMeeting: { minutes: 'none' },
      lateProposals: [],
      openActions: [],
    });

    const cancelled = await call(anna, 'POST', `/api/meetings/${meeting!.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { meeting: MeetingJson }).meeting.status).toBe('cancelled');
    expect((await plan(sara, 2027)).meetings.find((m) => m.id === meeting!.id)?.status).toBe('cancelled');
  });

  it('shows a delegate the plan, and refuses each of their changes with 403 and a reason, changing nothing', async () => {
    const before = await plan(sara, 2027);
    expect(before.canChange).toBe(false);
    const meeting = before.meetings.find((m) => m.status === 'planned')!;
    const attempts: [string, string, unknown][] = [
      ['POST', `/api/groups/${groupId}/meetings/plan`, { ...pattern, year: 2029 }],
      ['PATCH', `/api/meetings/${meeting.id}`, { place: 'Hemma hos Sara' }],
      ['POST', `/api/meetings/${meeting.id}/cancel`, undefined],
      ['POST', `/api/meetings/${meeting.id}/chair`, {}],
    ];
    for (const [method, route, body] of attempts) {
      const res = await call(sara, method, route, body);
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^Only strategists/) });
    }
    expect(await plan(sara, 2027)).toEqual(before);
    expect((await plan(sara, 2029)).meetings).toEqual([]);
  });

  it('answers bad input with 400 naming the field, and strangers with 403', async () => {
    const [meeting] = (await plan(anna, 2028)).meetings;
    const cases: [string, string, unknown, string][] = [
      ['POST', `/api/groups/${groupId}/meetings/plan`, { ...pattern, startTime: '25:00' }, 'startTime'],
      ['POST', `/api/groups/${groupId}/meetings/plan`, { ...pattern, count: 40 }, 'count'],
      ['POST', `/api/groups/${groupId}/meetings/plan`, { ...pattern, onlineUrl: 'http://example.se' }, 'onlineUrl'],
      ['POST', `/api/groups/${groupId}/meetings/plan`, { ...pattern, place: 'x'.repeat(201) }, 'place'],
      ['PATCH', `/api/meetings/${meeting!.id}`, { durationMinutes: 5 }, 'durationMinutes'],
      ['PATCH', `/api/meetings/${meeting!.id}`, { date: '17/2/2027' }, 'date'],
      ['PATCH', `/api/meetings/${meeting!.id}`, { date: '9999-12-31' }, 'date'],
      ['PATCH', `/api/meetings/${meeting!.id}`, { onlineUrl: 'javascript:alert(1)' }, 'onlineUrl'],
      ['PATCH', `/api/meetings/${meeting!.id}`, { status: 'held' }, 'status'],
      ['PATCH', `/api/meetings/${meeting!.id}`, {}, 'nothing to change'],
      ['POST', `/api/meetings/${meeting!.id}/chair`, { chairPersonId: 'a b' }, 'chairPersonId'],
    ];
    for (const [method, route, body, field] of cases) {
      const res = await call(anna, method, route, body);
      expect([route, res.status]).toEqual([route, 400]);
      expect(await res.json()).toMatchObject({ code: 'invalid-input', message: expect.stringContaining(field) });
    }
    // A date that does not exist passes the shape but not the calendar: 422, still naming it.
    const noSuchDay = await call(anna, 'PATCH', `/api/meetings/${meeting!.id}`, { date: '2028-02-30' });
    expect(noSuchDay.status).toBe(422);
    expect(await noSuchDay.json()).toMatchObject({ code: 'invalid', message: expect.stringMatching(/^date:/) });
    expect((await plan(anna, 2028)).meetings[0]).toEqual(meeting);

    const stranger = await call(anna, 'GET', '/api/meetings/00000000-0000-0000-0000-000000000000/handover');
    expect(stranger.status).toBe(403);
    expect((await fetch(`${service.url}/api/groups/${groupId}/meetings`)).status).toBe(401);
  });
});
