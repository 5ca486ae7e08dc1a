/**
 * Minutes over real HTTP, the whole service in local mode: the chair writes and publishes after
 * two approvals; a delegate, a member of another group and a stale revision are refused with
 * nothing changed; published minutes stay as they were published.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { aGroupSeed, sequentialIds } from '../support/group-seed-mother';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';

const DEMO_TENANT = '8b5d2c1e-4f3a-4e7b-9c21-6a0d3f5e7b90';

interface Minutes {
  revision: number;
  status: 'draft' | 'published';
  stored: boolean;
  version: number;
  meeting: { id: string; status: string };
  items: { agendaItemId: string; title: string; notes: string; decision: string; actions: { id: string; title: string }[] }[];
  review: { publishable: boolean };
  permissions: { publishBlocker: string | null };
}

describe('minutes over HTTP (local mode)', () => {
  let dataDir: string;
  let service: RunningService;
  const clock = { now: () => new Date('2026-03-01T10:00:00Z') };

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-minutes-');
    const config = { ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 };
    // A second group in the demo tenant, so its members can try the demo group's minutes.
    if (config.database.kind !== 'pglite') throw new Error('expected local mode');
    const db = await openPgliteDatabase(config.database.dataDir);
    try {
      await migrate(db);
      const seed = aGroupSeed({
        tenant: { id: DEMO_TENANT, name: 'Trollhättans Stad (demo)' },
        people: [
          { name: 'Olle Annan', email: 'olle@annan.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
          { name: 'Lena Annan', email: 'lena@annan.example', aadObjectId: null, organisation: 'ks', role: 'strategist' },
        ],
      });
      await seedDemoGroup(
        { unitOfWork: createSqlStorage(db).unitOfWork, clock, ids: sequentialIds('annan') },
        { ...seed, group: { ...seed.group, name: 'Annan grupp', teamId: null } },
        [2026],
      );
    } finally {
      await db.close();
    }
    service = await startService(config, silent, clock);
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const api = (route: string, init: RequestInit = {}) => fetch(`${service.url}${route}`, init);
  const tokens = new Map<string, string>();
  async function as(name: string): Promise<Record<string, string>> {
    if (!tokens.has(name)) {
      const { people } = (await (await api('/api/dev/people')).json()) as { people: { id: string; name: string }[] };
      const res = await api('/api/dev/sign-in', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ personId: people.find((p) => p.name === name)?.id }),
      });
      expect(res.status).toBe(200);
      tokens.set(name, ((await res.json()) as { token: string }).token);
    }
    return { Authorization: `Bearer ${tokens.get(name)}`, 'Content-Type': 'application/json' };
  }
  async function call(name: string, method: string, route: string, body?: unknown): Promise<Response> {
    return api(route, { method, headers: await as(name), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }
  async function read(name: string, meetingId: string): Promise<Minutes> {
    const res = await call(name, 'GET', `/api/meetings/${meetingId}/minutes`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { minutes: Minutes }).minutes;
  }

  /** The demo group's meeting of 11 February 2026 (held before the clock's 1 March) and its chair. */
  async function februaryMeeting(): Promise<{ meetingId: string; chair: string; people: Map<string, string> }> {
    const me = (await (await call('Sara Nilsson', 'GET', '/api/me')).json()) as { groups: { id: string }[] };
    const res = await call('Sara Nilsson', 'GET', `/api/groups/${me.groups[0]!.id}/minutes`);
    expect(res.status).toBe(200);
    const { meetings } = (await res.json()) as { meetings: { id: string; startsAt: string; chair: { name: string } }[] };
    const february = meetings.find((m) => m.startsAt.startsWith('2026-02-11'))!;
    const { people } = (await (await api('/api/dev/people')).json()) as { people: { id: string; name: string }[] };
    return { meetingId: february.id, chair: february.chair.name, people: new Map(people.map((p) => [p.name, p.id])) };
  }

  it('takes the chair through writing, two approvals and publishing, refusing everyone else on the way', async () => {
    const { meetingId, chair, people } = await februaryMeeting();
    const route = `/api/meetings/${meetingId}/minutes`;
    const start = await read(chair, meetingId);
    expect(start).toMatchObject({ revision: 0, stored: false, status: 'draft' });
    const first = start.items[0]!.agendaItemId;
    const draft = {
      revision: 0,
      items: [{ agendaItemId: first, notes: 'Ordföranden hälsade välkommen.', decision: '' }],
      attendance: [
        { personId: people.get('Sara Nilsson'), presence: 'present', substituteForPersonId: null },
        { personId: people.get('Karin Berg'), presence: 'absent', substituteForPersonId: null },
      ],
      actions: [
        {
          id: randomUUID(),
          agendaItemId: first,
          title: 'Sammanställa förvaltningarnas klimatmål',
          ownerPersonId: people.get('Sara Nilsson'),
          dueDate: '2026-04-15',
          status: 'open',
        },
      ],
    };

    // A delegate may read but not write.
    const delegate = await call('Sara Nilsson', 'PUT', route, draft);
    expect(delegate.status).toBe(403);
    expect(await delegate.json()).toMatchObject({ code: 'forbidden', message: expect.stringContaining('chair') });
    expect(await read('Sara Nilsson', meetingId)).toMatchObject({ stored: false, revision: 0 });

    // A member of another group may do nothing at all.
    for (const [method, path, body] of [
      ['GET', route, undefined],
      ['PUT', route, draft],
      ['POST', `${route}/approve`, { revision: 0 }],
      ['POST', `${route}/comments`, { agendaItemId: first, text: 'Hej' }],
      ['POST', `${route}/publish`, { revision: 0 }],
    ] as const) {
      const res = await call('Olle Annan', method, path, body);
      expect(res.status).toBe(403);
    }

    const saved = await call(chair, 'PUT', route, draft);
    expect(saved.status).toBe(200);
    const afterSave = ((await saved.json()) as { minutes: Minutes }).minutes;
    expect(afterSave).toMatchObject({ revision: 1, stored: true });
    expect(afterSave.items[0]!.actions.map((a) => a.title)).toEqual(['Sammanställa förvaltningarnas klimatmål']);

    // Someone still at revision 0: 409 with the current minutes, nothing overwritten.
    const stale = await call(chair, 'PUT', route, {
      ...draft,
      items: [{ agendaItemId: first, notes: 'Gammal flik', decision: '' }],
      actions: [],
    });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { code: string; message: string; current: Minutes };
    expect(conflict.code).toBe('stale-revision');
    expect(conflict.current.revision).toBe(1);
    expect(conflict.current.items[0]!.notes).toBe('Ordföranden hälsade välkommen.');
    expect((await read(chair, meetingId)).items[0]!.actions).toHaveLength(1);

    // Not before the chair and one more member have approved.
    const early = await call(chair, 'POST', `${route}/publish`, { revision: 1 });
    expect(early.status).toBe(409);
    expect(await read(chair, meetingId)).toMatchObject({ status: 'draft', permissions: { publishBlocker: 'needs-chair' } });

    expect((await call('Karin Berg', 'POST', `${route}/comments`, { agendaItemId: first, text: 'Ser bra ut.' })).status).toBe(200);
    expect((await call(chair, 'POST', `${route}/approve`, { revision: 1 })).status).toBe(200);
    const second = await call('Karin Berg', 'POST', `${route}/approve`, { revision: 1 });
    expect(second.status).toBe(200);
    expect(((await second.json()) as { minutes: Minutes }).minutes.review.publishable).toBe(true);
    expect((await call('Sara Nilsson', 'POST', `${route}/publish`, { revision: 1 })).status).toBe(403);

    const published = await call(chair, 'POST', `${route}/publish`, { revision: 1 });
    expect(published.status).toBe(200);
    const record = ((await published.json()) as { minutes: Minutes }).minutes;
    expect(record).toMatchObject({ status: 'published', version: 1, meeting: { status: 'minutes_published' } });

    // Published: a save is refused and the published version reads as it was published.
    const late = await call(chair, 'PUT', route, { ...draft, revision: 1 });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: 'conflict', message: expect.stringContaining('correction') });
    expect(await read('Sara Nilsson', meetingId)).toEqual(expect.objectContaining({ status: 'published', items: record.items }));
    expect((await call('Karin Berg', 'POST', `${route}/approve`, { revision: 1 })).status).toBe(409);

    // A correction is a new version; version 1 stays.
    const correction = await call(chair, 'POST', `${route}/correction`);
    expect(correction.status).toBe(200);
    expect(((await correction.json()) as { minutes: Minutes }).minutes).toMatchObject({ version: 2, status: 'draft', revision: 1 });
  });

  it('answers bad bodies with 400 or 422 and the field named', async () => {
    const { meetingId, chair } = await februaryMeeting();
    const route = `/api/meetings/${meetingId}/minutes`;
    const extra = await call(chair, 'PUT', route, { revision: 0, items: [], attendance: [], actions: [], admin: true });
    expect(extra.status).toBe(400);
    const huge = await call(chair, 'PUT', route, {
      revision: 0,
      items: [{ agendaItemId: 'x', notes: 'x'.repeat(20_001), decision: '' }],
      attendance: [],
      actions: [],
    });
    expect(huge.status).toBe(400);
    expect(await huge.json()).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('items.0.notes') });
    const badId = await call(chair, 'GET', '/api/meetings/not%20an%20id/minutes');
    expect(badId.status).toBe(400);
    const noRevision = await call(chair, 'POST', `${route}/approve`, {});
    expect(noRevision.status).toBe(400);
    const noSession = await api(route);
    expect(noSession.status).toBe(401);
  });
});
