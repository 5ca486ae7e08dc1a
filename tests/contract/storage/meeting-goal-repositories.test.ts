/** Meetings and goals against every database. */
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aGoal, aGroup, aMeeting, aPerson, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('meetings and goals on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  describe('meetings', () => {
    it('round-trips every field, the start as the same instant, and updates in place', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const chair = aPerson(tenant.id);
      await repos.people.save(chair);
      const meeting = aMeeting(tenant.id, group.id, {
        startsAt: new Date('2026-10-25T01:30:00.250Z'), // the night Sweden leaves summer time
        onlineUrl: 'https://teams.microsoft.com/l/meetup-join/x',
        chairPersonId: chair.id,
      });
      await repos.meetings.save(meeting);
      const found = await repos.meetings.find(tenant.id, meeting.id);
      expect(found).toEqual(meeting);
      expect(found?.startsAt).toBeInstanceOf(Date);
      expect(found?.startsAt.getTime()).toBe(Date.UTC(2026, 9, 25, 1, 30, 0, 250));

      await repos.meetings.save({ ...meeting, status: 'called', place: 'Kommunhuset' });
      expect(await repos.meetings.find(tenant.id, meeting.id)).toEqual({ ...meeting, status: 'called', place: 'Kommunhuset' });
    });

    it('lists a group’s meetings in time order, within [from, to) when a range is given', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const other = await seedTenantWithGroup(repos);
      const at = (iso: string) => aMeeting(tenant.id, group.id, { startsAt: new Date(iso) });
      const may = at('2026-05-13T11:00:00Z');
      const feb = at('2026-02-11T12:00:00Z');
      const sep = at('2026-09-09T11:00:00Z');
      const mar = at('2026-03-11T12:00:00Z');
      for (const m of [may, feb, sep, mar]) await repos.meetings.save(m);
      await repos.meetings.save(aMeeting(other.tenant.id, other.group.id, { startsAt: new Date('2026-03-01T00:00:00Z') }));

      expect((await repos.meetings.listByGroup(tenant.id, group.id)).map((m) => m.id)).toEqual([feb.id, mar.id, may.id, sep.id]);
      const ranged = await repos.meetings.listByGroup(tenant.id, group.id, {
        from: new Date('2026-03-11T12:00:00Z'), // inclusive: March is in
        to: new Date('2026-09-09T11:00:00Z'), // exclusive: September is out
      });
      expect(ranged.map((m) => m.id)).toEqual([mar.id, may.id]);
      expect(await repos.meetings.listByGroup(other.tenant.id, group.id)).toEqual([]);
    });

    it('refuses an unknown status', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const bad = { ...aMeeting(tenant.id, group.id), status: 'postponed' } as unknown as Parameters<Repositories['meetings']['save']>[0];
      await expect(repos.meetings.save(bad)).rejects.toMatchObject({ code: '23514' });
    });
  });

  describe('goals', () => {
    it('lists shared goals and the group’s own, sdg then miljomal then local, by number', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const otherGroup = await seedTenantWithGroup(repos);
      const local2 = aGoal(tenant.id, { groupId: group.id, framework: 'local', number: 2, name: 'Fossilfri kommun' });
      const miljo16 = aGoal(tenant.id, { framework: 'miljomal', number: 16, name: 'Ett rikt växt- och djurliv' });
      const sdg13 = aGoal(tenant.id, { framework: 'sdg', number: 13 });
      const local1 = aGoal(tenant.id, { groupId: group.id, framework: 'local', number: 1, name: 'Hållbar mat' });
      const miljo1 = aGoal(tenant.id, { framework: 'miljomal', number: 1, name: 'Begränsad klimatpåverkan' });
      const sdg2 = aGoal(tenant.id, { framework: 'sdg', number: 2, name: 'Ingen hunger' });
      for (const g of [local2, miljo16, sdg13, local1, miljo1, sdg2]) await repos.goals.save(g);
      // Another tenant's goals, shared and own, stay out.
      await repos.goals.save(aGoal(otherGroup.tenant.id, { framework: 'sdg', number: 1 }));
      await repos.goals.save(aGoal(otherGroup.tenant.id, { groupId: otherGroup.group.id, framework: 'local', number: 3 }));

      expect(await repos.goals.listForGroup(tenant.id, group.id)).toEqual([sdg2, sdg13, miljo1, miljo16, local1, local2]);
    });

    it('keeps another group’s own goals out of the list', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos, { name: 'Grupp 1' });
      const second = aGroup(tenant.id, { name: 'Grupp 2' });
      await repos.groups.save(second);
      const shared = aGoal(tenant.id, { framework: 'sdg', number: 7, name: 'Hållbar energi' });
      const theirs = aGoal(tenant.id, { groupId: second.id, framework: 'local', number: 1 });
      await repos.goals.save(shared);
      await repos.goals.save(theirs);
      expect(await repos.goals.listForGroup(tenant.id, group.id)).toEqual([shared]);
      expect(await repos.goals.listForGroup(tenant.id, second.id)).toEqual([shared, theirs]);
    });

    it('keeps one row when the same shared goal is saved twice, with its first id and the new name', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const first = aGoal(tenant.id, { framework: 'sdg', number: 13, name: 'Climate action' });
      await repos.goals.save(first);
      await repos.goals.save(aGoal(tenant.id, { framework: 'sdg', number: 13, name: 'Bekämpa klimatförändringarna' }));
      await repos.goals.save({ ...first, name: 'Bekämpa klimatförändringarna' });
      expect(await repos.goals.listForGroup(tenant.id, group.id)).toEqual([{ ...first, name: 'Bekämpa klimatförändringarna' }]);
      const [{ count }] = (await opened.db.query<{ count: number }>('SELECT count(*) AS count FROM goal WHERE tenant_id = $1', [
        tenant.id,
      ])) as [{ count: number }];
      expect(count).toBe(1);
    });

    it('refuses SDG numbers outside 1–17 and miljömål outside 1–16', async () => {
      const tenant = (await seedTenantWithGroup(repos)).tenant;
      await expect(repos.goals.save(aGoal(tenant.id, { framework: 'sdg', number: 18 }))).rejects.toMatchObject({
        code: '23514',
      });
      await expect(repos.goals.save(aGoal(tenant.id, { framework: 'miljomal', number: 17 }))).rejects.toMatchObject({
        code: '23514',
      });
    });
  });
});
