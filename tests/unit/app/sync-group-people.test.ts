/**
 * The group file run again: new people become members, changed roles change, nobody is removed,
 * and a group the file does not name is left alone. On a real (embedded) PostgreSQL.
 */
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { syncGroupPeople } from '../../../bot/src/app/sync-group-people';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aGroupSeed, fixedClock, sequentialIds } from '../../support/group-seed-mother';

describe('bringing a group’s people in line with its file', () => {
  let migrated: MigratedStorage;
  let tenants = 0;
  const clock = fixedClock('2026-01-10T09:00:00Z');
  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
  });
  afterAll(() => migrated.db.close());

  async function seeded() {
    const tenant = `sync-${(tenants += 1)}`;
    const seed = aGroupSeed({ tenant: { id: tenant, name: 'Testkommun' } });
    const deps = { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds(tenant) };
    const { groupId } = await seedDemoGroup(deps, seed, [2026]);
    const members = async () => {
      const repos = migrated.storage.repositories;
      const [people, memberships] = await Promise.all([
        repos.people.listByGroup(tenant, groupId),
        repos.memberships.listByGroup(tenant, groupId),
      ]);
      const role = new Map(memberships.map((m) => [m.personId, m.role]));
      return people.map((p) => [p.name, p.email, role.get(p.id), p.organisationId !== null] as const);
    };
    return { tenant, seed, deps, groupId, members };
  }

  it('adds the new, changes a changed role, keeps everyone else, and records it', async () => {
    const { tenant, seed, deps, groupId, members } = await seeded();
    const before = await members();
    const result = await syncGroupPeople(deps, {
      ...seed,
      people: [
        ...seed.people.filter((p) => p.email !== 'erik@test.example'), // left out of the file: stays
        { ...seed.people.find((p) => p.role === 'delegate')!, role: 'substitute' },
        { name: 'Nils Ny', email: 'Nils.Ny@test.example', aadObjectId: null, organisation: 'utb', role: 'delegate' },
      ],
    });
    expect(result).toMatchObject({ groupId, added: ['Nils Ny'], roleChanged: ['Sara Delegat'], organisationsAdded: [], ignored: [] });
    const after = await members();
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContainEqual(['Nils Ny', 'nils.ny@test.example', 'delegate', true]);
    expect(after).toContainEqual(['Sara Delegat', 'sara@test.example', 'substitute', true]);
    expect(after.filter(([name]) => name === 'Erik Strateg')).toHaveLength(before.filter(([name]) => name === 'Erik Strateg').length);
    const events = await migrated.storage.repositories.audit.listByGroup(tenant, groupId, 100);
    expect(events.map((e) => e.action)).toContain('group.people-synced');
  });

  it('changes nothing, and records nothing, when the file matches', async () => {
    const { tenant, seed, deps, groupId, members } = await seeded();
    const before = await members();
    expect(await syncGroupPeople(deps, seed)).toMatchObject({
      added: [],
      roleChanged: [],
      organisationsAdded: [],
      organisationChanged: [],
      ignored: [],
      unchanged: seed.people.length,
    });
    expect(await members()).toEqual(before);
    const events = await migrated.storage.repositories.audit.listByGroup(tenant, groupId, 100);
    expect(events.map((e) => e.action)).not.toContain('group.people-synced');
  });

  it('adds a new organisation, moves a person to another, and reports a changed name it leaves', async () => {
    const { tenant, seed, deps, groupId } = await seeded();
    const sara = seed.people.find((p) => p.role === 'delegate')!;
    const result = await syncGroupPeople(deps, {
      ...seed,
      organisations: [...seed.organisations, { key: 'kfu', name: 'Kultur- och fritidsförvaltningen', kind: 'forvaltning' }],
      people: [
        ...seed.people.filter((p) => p !== sara),
        { ...sara, name: 'Sara Delegat-Ny', organisation: 'kfu' },
        { name: 'Elin Fors', email: 'elin@test.example', aadObjectId: null, organisation: 'kfu', role: 'substitute' },
      ],
    });
    expect(result).toMatchObject({
      organisationsAdded: ['Kultur- och fritidsförvaltningen'],
      added: ['Elin Fors'],
      organisationChanged: ['Sara Delegat-Ny'],
      ignored: ['Sara@Test.example: the name stays "Sara Delegat" (not "Sara Delegat-Ny")'],
    });
    const repos = migrated.storage.repositories;
    const kfu = (await repos.organisations.listByGroup(tenant, groupId)).find((o) => o.name === 'Kultur- och fritidsförvaltningen');
    expect(kfu).toBeDefined();
    const people = await repos.people.listByGroup(tenant, groupId);
    expect(people.filter((p) => p.organisationId === kfu?.id).map((p) => p.name)).toEqual(['Elin Fors', 'Sara Delegat']);
  });

  it('finds the group by its team although the file renames it, and tells what it leaves as it is', async () => {
    const { seed, deps, groupId } = await seeded();
    const result = await syncGroupPeople(deps, {
      ...seed,
      tenant: { ...seed.tenant, name: 'Nytt namn på kommunen' },
      group: { ...seed.group, name: 'Omdöpt grupp', description: 'Ny beskrivning' },
    });
    expect(result).toMatchObject({ groupId, added: [], roleChanged: [] });
    expect(result?.ignored).toEqual([
      'the tenant name stays "Testkommun" (not "Nytt namn på kommunen")',
      'the group name stays "Hållbarhetsgruppen" (not "Omdöpt grupp")',
      `the group's description stays "Testgrupp" (not "Ny beskrivning")`,
    ]);
  });

  it('leaves alone a group the file does not name, on another team', async () => {
    const { seed, deps } = await seeded();
    const elsewhere = { ...seed.group, name: 'En annan grupp', teamId: '19:another@thread.tacv2' };
    expect(await syncGroupPeople(deps, { ...seed, group: elsewhere })).toBeNull();
  });
});
