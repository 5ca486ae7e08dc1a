/** Seeding a group and planning its years, on a real (embedded) PostgreSQL. */
import { planMeetingYear } from '../../../bot/src/app/plan-year';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { readGroupSeed } from '../../../bot/src/adapters/storage/seed-file';
import path from 'node:path';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aGroupSeed as seedOfTenant, fixedClock, sequentialIds } from '../../support/group-seed-mother';

describe('seeding a group', () => {
  // One embedded database for the file (it takes seconds to start); each test its own tenant.
  let migrated: MigratedStorage;
  let TENANT = '';
  let tenants = 0;
  const aGroupSeed = (overrides: Parameters<typeof seedOfTenant>[0] = {}) =>
    seedOfTenant({ tenant: { id: TENANT, name: 'Testkommun' }, ...overrides });
  const clock = fixedClock('2026-01-10T09:00:00Z');
  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
  });
  beforeEach(() => {
    TENANT = `tenant-${(tenants += 1)}`;
  });
  afterAll(() => migrated.db.close());

  it('puts the whole group in place, with two years of meetings and alternating chairs', async () => {
    const result = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds(TENANT) },
      aGroupSeed(),
      [2026, 2027],
    );
    expect(result).toMatchObject({ created: true, meetings: 8 });
    const repos = migrated.storage.repositories;
    const meetings = await repos.meetings.listByGroup(TENANT, result.groupId);
    expect(meetings.map((m) => m.startsAt.toISOString().slice(0, 10))).toEqual([
      '2026-02-11',
      '2026-05-13',
      '2026-09-09',
      '2026-11-11',
      '2027-02-10',
      '2027-05-12',
      '2027-09-08',
      '2027-11-10',
    ]);
    const people = await repos.people.listByGroup(TENANT, result.groupId);
    const nameOf = new Map(people.map((p) => [p.id, p.name]));
    const chairs = meetings.map((m) => nameOf.get(m.chairPersonId ?? ''));
    expect(new Set(chairs)).toEqual(new Set(['Anna Strateg', 'Erik Strateg']));
    chairs.slice(1).forEach((chair, i) => expect(chair).not.toBe(chairs[i]));
    expect(people.find((p) => p.name === 'Sara Delegat')?.email).toBe('sara@test.example');
    expect(await repos.goals.listForGroup(TENANT, result.groupId)).toHaveLength(3);
  });

  it('plans no meeting that has already happened when told from when (a group set up mid-year)', async () => {
    const from = new Date('2026-06-01T00:00:00Z');
    const result = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds(TENANT) },
      aGroupSeed(),
      [2026, 2027],
      from,
    );
    expect(result).toMatchObject({ created: true, meetings: 6 });
    const meetings = await migrated.storage.repositories.meetings.listByGroup(TENANT, result.groupId);
    expect(meetings.map((m) => [m.startsAt.toISOString().slice(0, 10), m.title])).toEqual([
      ['2026-09-09', 'Möte 1'],
      ['2026-11-11', 'Möte 2'],
      ['2027-02-10', 'Möte 1'],
      ['2027-05-12', 'Möte 2'],
      ['2027-09-08', 'Möte 3'],
      ['2027-11-10', 'Möte 4'],
    ]);
    const chairs = meetings.map((m) => m.chairPersonId);
    chairs.slice(1).forEach((chair, i) => expect(chair).not.toBe(chairs[i]));
  });

  it('changes nothing when run again', async () => {
    const deps = { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds(TENANT) };
    const first = await seedDemoGroup(deps, aGroupSeed(), [2026]);
    const again = await seedDemoGroup(deps, aGroupSeed(), [2026]);
    expect(again).toEqual({ created: false, groupId: first.groupId });
    expect(await migrated.storage.repositories.meetings.listByGroup(TENANT, first.groupId)).toHaveLength(4);
  });

  it('writes nothing when the seed cannot be planned', async () => {
    const seed = aGroupSeed({ people: aGroupSeed().people.filter((p) => p.name !== 'Erik Strateg') });
    await expect(
      seedDemoGroup({ unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds(TENANT) }, seed, [2026]),
    ).rejects.toMatchObject({
      code: 'chair.needs-two-strategists',
    });
    expect(await migrated.storage.repositories.groups.listByTenant(TENANT)).toEqual([]);
  });

  it('continues the chair rotation from the year before', async () => {
    const deps = { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds(TENANT) };
    const { groupId } = await seedDemoGroup(deps, aGroupSeed(), [2026]);
    const repos = migrated.storage.repositories;
    const lastOf2026 = (await repos.meetings.listByGroup(TENANT, groupId)).at(-1)!;
    const planned = await planMeetingYear(
      { repositories: repos, clock, ids: sequentialIds(`${TENANT}-m`) },
      {
        tenantId: TENANT,
        groupId,
        actorPersonId: null,
        pattern: { ...aGroupSeed().meetings.pattern, year: 2027 },
        place: 'Stadshuset',
        onlineUrl: null,
        durationMinutes: 120,
        titlePrefix: 'Möte',
      },
    );
    expect(planned[0]!.chairPersonId).not.toBe(lastOf2026.chairPersonId);
    expect((await repos.audit.listByGroup(TENANT, groupId, 10)).map((e) => e.action)).toContain('meetings.planned');
  });

  it('reads the shipped demo seed: six förvaltningar, a delegate each, 17 + 16 goals', async () => {
    const seed = await readGroupSeed(path.resolve(__dirname, '../../../bot/seed/ekologiska-hallbarhetsgruppen.json'));
    const forvaltningar = seed.organisations.filter((o) => o.kind === 'forvaltning').map((o) => o.key);
    expect(forvaltningar).toHaveLength(6);
    for (const key of forvaltningar) expect(seed.people.some((p) => p.role === 'delegate' && p.organisation === key)).toBe(true);
    expect(seed.goals.filter((g) => g.framework === 'sdg')).toHaveLength(17);
    expect(seed.goals.filter((g) => g.framework === 'miljomal')).toHaveLength(16);
    expect(seed.meetings.pattern.count).toBe(8);
  });
});
