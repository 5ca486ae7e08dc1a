/** Tenants, groups, organisations, people and memberships against every database. */
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import { SqlError } from '../../../bot/src/adapters/storage/sql-database';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aGroup, anOrganisation, aPerson, aTenant, id, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('directory repositories on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  describe('tenants', () => {
    it('saves, finds and renames by id', async () => {
      const tenant = aTenant({ name: 'Trollhättan' });
      await repos.tenants.save(tenant);
      await repos.tenants.save({ ...tenant, name: 'Trollhättans Stad' });
      expect(await repos.tenants.find(tenant.id)).toEqual({ id: tenant.id, name: 'Trollhättans Stad' });
      expect(await repos.tenants.find(id())).toBeNull();
    });
  });

  describe('groups', () => {
    it('round-trips every field and updates in place', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const changed = {
        ...group,
        description: 'Ny beskrivning',
        teamId: `19:${id()}@thread.tacv2`,
        m365GroupId: '5e0c1a7d-2b4f-4c8e-9d3a-7f1b6e2c4a90',
        settings: {
          ...group.settings,
          proposalDeadlineDays: 10,
          committeeName: 'Klimatutskottet',
          minutesMailTo: ['sekreterare@kommun.example'],
        },
      };
      await repos.groups.save(changed);
      expect(await repos.groups.find(tenant.id, group.id)).toEqual(changed);
      expect(await repos.groups.listByTenant(tenant.id)).toEqual([changed]);
      // A save that says nothing about the Microsoft 365 group keeps the stored one.
      const { m365GroupId: _kept, ...withoutId } = changed;
      await repos.groups.save(withoutId);
      expect(await repos.groups.find(tenant.id, group.id)).toEqual(changed);
    });

    it('finds by name and by team id, and lists by name', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos, { name: 'Östra gruppen', teamId: 'team-1' });
      const other = aGroup(tenant.id, { name: 'Andra gruppen' });
      await repos.groups.save(other);
      expect((await repos.groups.findByName(tenant.id, 'Östra gruppen'))?.id).toBe(group.id);
      expect((await repos.groups.findByTeamId(tenant.id, 'team-1'))?.id).toBe(group.id);
      expect(await repos.groups.findByTeamId(tenant.id, 'team-2')).toBeNull();
      expect((await repos.groups.listByTenant(tenant.id)).map((g) => g.name)).toEqual(['Andra gruppen', 'Östra gruppen']);
    });

    it('refuses a second group with the same name or team in one tenant', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos, { teamId: 'team-x' });
      await expect(repos.groups.save(aGroup(tenant.id, { name: group.name }))).rejects.toMatchObject({ code: '23505' });
      await expect(repos.groups.save(aGroup(tenant.id, { name: 'Annan', teamId: 'team-x' }))).rejects.toBeInstanceOf(SqlError);
    });

    it('fills settings stored before a setting existed with its default', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      await opened.db.query(`UPDATE work_group SET settings = '{"meetingMinutes": 90}'::jsonb WHERE tenant_id = $1`, [tenant.id]);
      const found = await repos.groups.find(tenant.id, group.id);
      expect(found?.settings).toEqual({ ...group.settings, meetingMinutes: 90 });
    });
  });

  describe('organisations', () => {
    it('lists a group’s organisations by name and updates by id', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const bolag = anOrganisation(tenant.id, group.id, { name: 'Trollhättan Energi', kind: 'bolag' });
      const forvaltning = anOrganisation(tenant.id, group.id, { name: 'Kultur- och fritidsförvaltningen' });
      await repos.organisations.save(bolag);
      await repos.organisations.save(forvaltning);
      await repos.organisations.save({ ...bolag, name: 'Trollhättan Energi AB' });
      const other = await seedTenantWithGroup(repos);
      await repos.organisations.save(anOrganisation(other.tenant.id, other.group.id));
      expect(await repos.organisations.listByGroup(tenant.id, group.id)).toEqual([
        forvaltning,
        { ...bolag, name: 'Trollhättan Energi AB' },
      ]);
    });

    it('refuses a kind outside forvaltning | bolag | other', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const bad = { ...anOrganisation(tenant.id, group.id), kind: 'myndighet' } as unknown as Parameters<
        Repositories['organisations']['save']
      >[0];
      await expect(repos.organisations.save(bad)).rejects.toMatchObject({ code: '23514' });
    });
  });

  describe('people', () => {
    it('finds by id, Entra object id and mail compared without case or surrounding space', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const org = anOrganisation(tenant.id, group.id);
      await repos.organisations.save(org);
      const anna = aPerson(tenant.id, { aadObjectId: id(), email: 'Anna.Andersson@Trollhattan.se', organisationId: org.id });
      await repos.people.save(anna);
      expect(await repos.people.find(tenant.id, anna.id)).toEqual(anna);
      expect(await repos.people.findByAadObjectId(tenant.id, anna.aadObjectId!)).toEqual(anna);
      expect(await repos.people.findByEmail(tenant.id, '  anna.andersson@TROLLHATTAN.se ')).toEqual(anna);
      expect(await repos.people.findByEmail(tenant.id, 'bertil@trollhattan.se')).toBeNull();
    });

    it('refuses a second person with the same mail in other case', async () => {
      const tenant = aTenant();
      await repos.tenants.save(tenant);
      await repos.people.save(aPerson(tenant.id, { email: 'x@example.se' }));
      await expect(repos.people.save(aPerson(tenant.id, { email: 'X@Example.se' }))).rejects.toMatchObject({
        code: '23505',
      });
    });

    it('lists the members of a group by name, and memberships both ways', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos, { name: 'B-gruppen' });
      const second = aGroup(tenant.id, { name: 'A-gruppen' });
      await repos.groups.save(second);
      const cecilia = aPerson(tenant.id, { name: 'Cecilia' });
      const bo = aPerson(tenant.id, { name: 'Bo' });
      const outsider = aPerson(tenant.id, { name: 'Adam' });
      for (const p of [cecilia, bo, outsider]) await repos.people.save(p);
      await repos.memberships.save({ tenantId: tenant.id, groupId: group.id, personId: cecilia.id, role: 'delegate' });
      await repos.memberships.save({ tenantId: tenant.id, groupId: group.id, personId: bo.id, role: 'guest' });
      await repos.memberships.save({ tenantId: tenant.id, groupId: group.id, personId: bo.id, role: 'strategist' });
      await repos.memberships.save({ tenantId: tenant.id, groupId: second.id, personId: bo.id, role: 'substitute' });

      expect(await repos.people.listByGroup(tenant.id, group.id)).toEqual([bo, cecilia]);
      expect(await repos.memberships.listByGroup(tenant.id, group.id)).toEqual([
        { tenantId: tenant.id, groupId: group.id, personId: bo.id, role: 'strategist' },
        { tenantId: tenant.id, groupId: group.id, personId: cecilia.id, role: 'delegate' },
      ]);
      expect((await repos.memberships.listByPerson(tenant.id, bo.id)).map((m) => [m.groupId, m.role])).toEqual([
        [second.id, 'substitute'],
        [group.id, 'strategist'],
      ]);
    });

    it('finds a member with their group in one read: the named group, or the first by name', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos, { name: 'B-gruppen' });
      const first = aGroup(tenant.id, { name: 'A-gruppen', settings: { ...group.settings, proposalDeadlineDays: 9 } });
      await repos.groups.save(first);
      const bo = aPerson(tenant.id, { name: 'Bo' });
      const outsider = aPerson(tenant.id, { name: 'Adam' });
      for (const p of [bo, outsider]) await repos.people.save(p);
      await repos.memberships.save({ tenantId: tenant.id, groupId: group.id, personId: bo.id, role: 'strategist' });
      await repos.memberships.save({ tenantId: tenant.id, groupId: first.id, personId: bo.id, role: 'delegate' });

      expect(await repos.memberships.findMember(tenant.id, bo.id, group.id)).toEqual({
        person: bo,
        group: await repos.groups.find(tenant.id, group.id),
        membership: { tenantId: tenant.id, groupId: group.id, personId: bo.id, role: 'strategist' },
      });
      const firstByName = await repos.memberships.findMember(tenant.id, bo.id, null);
      expect(firstByName?.group).toEqual(await repos.groups.find(tenant.id, first.id));
      expect(firstByName?.group.settings.proposalDeadlineDays).toBe(9);
      expect(firstByName?.membership.role).toBe('delegate');
      expect(await repos.memberships.findMember(tenant.id, outsider.id, group.id)).toBeNull();
      expect(await repos.memberships.findMember(tenant.id, outsider.id, null)).toBeNull();
      expect(await repos.memberships.findMember(tenant.id, 'nobody', group.id)).toBeNull();
      expect(await repos.memberships.findMember(tenant.id, bo.id, 'no-such-group')).toBeNull();
    });
  });

  it('never returns one tenant’s rows to another, even with the same names, mail and ids from Teams', async () => {
    const a = await seedTenantWithGroup(repos, { name: 'Samma namn', teamId: 'same-team' });
    const b = await seedTenantWithGroup(repos, { name: 'Samma namn', teamId: 'same-team' });
    const aad = id();
    const personA = aPerson(a.tenant.id, { aadObjectId: aad, email: 'same@example.se' });
    const personB = aPerson(b.tenant.id, { aadObjectId: aad, email: 'same@example.se' });
    await repos.people.save(personA);
    await repos.people.save(personB);
    await repos.memberships.save({ tenantId: a.tenant.id, groupId: a.group.id, personId: personA.id, role: 'delegate' });
    await repos.organisations.save(anOrganisation(a.tenant.id, a.group.id));

    expect((await repos.groups.findByName(b.tenant.id, 'Samma namn'))?.id).toBe(b.group.id);
    expect((await repos.groups.findByTeamId(b.tenant.id, 'same-team'))?.id).toBe(b.group.id);
    expect(await repos.groups.find(b.tenant.id, a.group.id)).toBeNull();
    expect((await repos.groups.listByTenant(b.tenant.id)).map((g) => g.id)).toEqual([b.group.id]);
    expect((await repos.people.findByEmail(b.tenant.id, 'same@example.se'))?.id).toBe(personB.id);
    expect((await repos.people.findByAadObjectId(b.tenant.id, aad))?.id).toBe(personB.id);
    expect(await repos.people.find(b.tenant.id, personA.id)).toBeNull();
    expect(await repos.people.listByGroup(b.tenant.id, a.group.id)).toEqual([]);
    expect(await repos.memberships.listByGroup(b.tenant.id, a.group.id)).toEqual([]);
    expect(await repos.memberships.listByPerson(b.tenant.id, personA.id)).toEqual([]);
    expect(await repos.memberships.findMember(b.tenant.id, personA.id, a.group.id)).toBeNull();
    expect(await repos.memberships.findMember(b.tenant.id, personA.id, null)).toBeNull();
    expect(await repos.organisations.listByGroup(b.tenant.id, a.group.id)).toEqual([]);
  });

  it('refuses a row that points at another tenant’s group', async () => {
    const a = await seedTenantWithGroup(repos);
    const b = await seedTenantWithGroup(repos);
    await expect(repos.organisations.save(anOrganisation(b.tenant.id, a.group.id))).rejects.toMatchObject({
      code: '23503',
    });
  });
});
