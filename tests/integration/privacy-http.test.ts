/**
 * The person's rights over real HTTP, the whole service in local mode: a delegate downloads their
 * own data (theirs only, as a file); a strategist erases a delegate on request after refusals that
 * change nothing; the erased person's session no longer reaches the group.
 */
import { rm } from 'node:fs/promises';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';

const clock = { now: () => new Date('2026-03-01T10:00:00Z') };

describe('personal data over HTTP (local mode)', () => {
  let dataDir: string;
  let service: RunningService;
  let groupId: string;
  const people = new Map<string, string>();
  const dev = new DevApi(() => service.url);

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-privacy-');
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, clock);
    const listed = (await (await fetch(`${service.url}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
    for (const p of listed.people) people.set(p.name, p.id);
    groupId = (await dev.call<{ groups: { id: string }[] }>('Karin Berg', '/me')).body.groups[0]!.id;
    const proposed = await dev.call('Karin Berg', `/groups/${groupId}/proposals`, {
      method: 'POST',
      body: {
        submissionKey: 'privacy-1',
        title: 'Cykelparkering vid stadshuset',
        description: 'Fler platser under tak.',
        kind: 'diskussion',
        organisationId: null,
        goalIds: [],
        minutesNeeded: 15,
        meetingId: null,
      },
    });
    expect(proposed.status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const erase = (by: string, person: string, body: unknown = { confirm: true }) =>
    dev.call<{ code?: string; erased?: Record<string, number> }>(by, `/groups/${groupId}/members/${people.get(person) ?? person}/erase`, {
      method: 'POST',
      body,
    });

  it("gives a delegate their own data as a file, and no one else's", async () => {
    const res = await fetch(`${service.url}/api/me/personal-data`, {
      headers: { Authorization: `Bearer ${await dev.token('Karin Berg')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="arbetsrum-personuppgifter-2026-03-01.json"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = (await res.json()) as { sections: Record<string, Record<string, unknown>[]> };
    expect(data.sections.person).toEqual([expect.objectContaining({ name: 'Karin Berg' })]);
    expect(data.sections.proposals!.map((p) => p.title)).toEqual(['Cykelparkering vid stadshuset']);
    expect(JSON.stringify(data)).not.toMatch(/Anna Lindqvist|Sara Nilsson/);
    expect((await fetch(`${service.url}/api/me/personal-data`)).status).toBe(401);
  });

  it('refuses erasure by a delegate, without confirmation, of oneself and of the other strategist', async () => {
    expect((await erase('Sara Nilsson', 'Karin Berg')).status).toBe(403);
    const unconfirmed = await erase('Anna Lindqvist', 'Karin Berg', {});
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.code).toBe('invalid-input');
    expect((await erase('Anna Lindqvist', 'Karin Berg', { confirm: true, also: 1 })).status).toBe(400);
    expect((await erase('Anna Lindqvist', 'Anna Lindqvist')).status).toBe(409);
    const strategists = await dev.call<{ people: { name: string; role: string }[] }>('Anna Lindqvist', `/groups/${groupId}/members`);
    const other = strategists.body.people.find((p) => p.role === 'strategist' && p.name !== 'Anna Lindqvist')!.name;
    expect((await erase('Anna Lindqvist', other)).status).toBe(409);
    expect((await erase('Anna Lindqvist', 'no-such-person')).status).toBe(404);
    const members = await dev.call<{ people: { name: string }[] }>('Anna Lindqvist', `/groups/${groupId}/members`);
    expect(members.body.people.map((p) => p.name)).toContain('Karin Berg');
  });

  it('erases a delegate on request: gone from the members, her session no longer reaches the group', async () => {
    const erased = await erase('Anna Lindqvist', 'Karin Berg');
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ memberships: 1, person: 1 });
    const members = await dev.call<{ people: { name: string }[] }>('Anna Lindqvist', `/groups/${groupId}/members`);
    expect(members.body.people.map((p) => p.name)).not.toContain('Karin Berg');
    expect((await dev.call<{ groups: unknown[] }>('Karin Berg', '/me')).body.groups).toEqual([]);
    expect((await dev.call('Karin Berg', `/groups/${groupId}/overview`)).status).toBe(403);
    // The proposal stays with the group, its proposer without a name.
    const proposals = await dev.call<{ proposals: { title: string; proposer?: { name: string } | string }[] }>(
      'Anna Lindqvist',
      `/groups/${groupId}/proposals`,
    );
    const kept = JSON.stringify(proposals.body);
    expect(kept).toContain('Cykelparkering vid stadshuset');
    expect(kept).not.toContain('Karin Berg');
  });
});
