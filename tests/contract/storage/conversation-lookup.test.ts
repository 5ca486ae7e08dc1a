/** Finding where to reach someone: a person's personal chat, a group's channel, on every database. */
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import type { ConversationRecord } from '../../../bot/src/domain/conversation';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aConversation, aGroup, aPerson, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('conversation lookups on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  const at = (day: number) => new Date(Date.UTC(2026, 0, day, 8, 0, 0, day));

  /** A reference like the Teams adapter stores: nested, with Unicode, numbers, booleans and null. */
  const reference = (label: string) => ({
    activityId: null,
    bot: { id: '28:arbetsrum', name: 'Arbetsrum' },
    conversation: { id: label, conversationType: 'personal', isGroup: false, tenantId: 't' },
    channelId: 'msteams',
    locale: 'sv-SE',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    user: { id: '29:1', name: 'Åsa Öberg "Ö"', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    numbers: [0, -1.5, 1e21, 12345678901234],
    nested: { deep: { deeper: [{ ok: true }, { ok: false }, [], {}] } },
    text: 'rad 1\nrad 2\t✓ 🌲 \\ \u0001',
  });

  describe('findPersonal', () => {
    it('picks the most recently updated personal chat, ignoring other kinds, people and tenants', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const person = aPerson(tenant.id);
      const someoneElse = aPerson(tenant.id);
      await repos.people.save(person);
      await repos.people.save(someoneElse);
      const other = await seedTenantWithGroup(repos);
      // The same person id in another tenant.
      await repos.people.save(aPerson(other.tenant.id, { id: person.id }));

      const older = aConversation(tenant.id, { personId: person.id, updatedAt: at(2), reference: reference('older') });
      const newest = aConversation(tenant.id, { personId: person.id, updatedAt: at(5), reference: reference('newest') });
      const middle = aConversation(tenant.id, { personId: person.id, updatedAt: at(3), reference: reference('middle') });
      const records: ConversationRecord[] = [
        older,
        newest,
        middle,
        // Newer, but not a personal chat, or not this person's, or not this tenant's.
        aConversation(tenant.id, { kind: 'groupChat', personId: person.id, updatedAt: at(9) }),
        aConversation(tenant.id, { kind: 'channel', personId: person.id, groupId: group.id, updatedAt: at(9) }),
        aConversation(tenant.id, { personId: someoneElse.id, updatedAt: at(9) }),
        aConversation(tenant.id, { personId: null, updatedAt: at(9) }),
        aConversation(other.tenant.id, { personId: person.id, updatedAt: at(9) }),
      ];
      for (const record of records) await repos.conversations.save(record);

      const found = await repos.conversations.findPersonal(tenant.id, person.id);
      expect(found).toEqual(newest);
      // Equal as a value; the key order is jsonb's own (the column is jsonb, from 001), not the caller's.
      expect(found?.reference).toEqual(reference('newest'));
      expect(found?.updatedAt).toBeInstanceOf(Date);
      expect(found?.updatedAt.getTime()).toBe(at(5).getTime());

      // Saving an older chat again with a newer time makes it the one.
      const refreshed = { ...older, updatedAt: at(6), reference: reference('refreshed') };
      await repos.conversations.save(refreshed);
      expect(await repos.conversations.findPersonal(tenant.id, person.id)).toEqual(refreshed);
    });

    it('is null when the person has no personal chat in that tenant', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const person = aPerson(tenant.id);
      await repos.people.save(person);
      await repos.conversations.save(aConversation(tenant.id, { kind: 'channel', personId: person.id, groupId: group.id }));
      expect(await repos.conversations.findPersonal(tenant.id, person.id)).toBeNull();
      expect(await repos.conversations.findPersonal(tenant.id, 'nobody')).toBeNull();
    });
  });

  describe('findGroupChannel', () => {
    it('picks the most recently updated channel of the group, ignoring other kinds, groups and tenants', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const otherGroup = aGroup(tenant.id, { name: 'Sociala hållbarhetsgruppen' });
      await repos.groups.save(otherGroup);
      const other = await seedTenantWithGroup(repos);
      // The same group id in another tenant.
      await repos.groups.save(aGroup(other.tenant.id, { id: group.id, name: 'Samma id, annan kommun' }));
      const person = aPerson(tenant.id);
      await repos.people.save(person);

      const channel = (day: number, label: string) =>
        aConversation(tenant.id, {
          conversationId: `19:${label}@thread.tacv2`,
          kind: 'channel',
          groupId: group.id,
          updatedAt: at(day),
          reference: reference(label),
        });
      const general = channel(1, 'general');
      const newest = channel(4, 'newest');
      const planning = channel(2, 'planning');
      const records: ConversationRecord[] = [
        general,
        newest,
        planning,
        aConversation(tenant.id, { kind: 'personal', personId: person.id, groupId: group.id, updatedAt: at(9) }),
        aConversation(tenant.id, { kind: 'groupChat', groupId: group.id, updatedAt: at(9) }),
        aConversation(tenant.id, { kind: 'channel', groupId: otherGroup.id, updatedAt: at(9) }),
        aConversation(tenant.id, { kind: 'channel', groupId: null, updatedAt: at(9) }),
        aConversation(other.tenant.id, { kind: 'channel', groupId: group.id, updatedAt: at(9) }),
      ];
      for (const record of records) await repos.conversations.save(record);

      const found = await repos.conversations.findGroupChannel(tenant.id, group.id);
      expect(found).toEqual(newest);
      expect(found?.reference).toEqual(reference('newest'));
      expect(found?.updatedAt).toBeInstanceOf(Date);
      expect(await repos.conversations.findGroupChannel(tenant.id, 'no-such-group')).toBeNull();
    });

    it('breaks a tie in update time by conversation id', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      for (const conversationId of ['19:b@thread.tacv2', '19:a@thread.tacv2', '19:c@thread.tacv2']) {
        await repos.conversations.save(aConversation(tenant.id, { conversationId, kind: 'channel', groupId: group.id, updatedAt: at(1) }));
      }
      expect((await repos.conversations.findGroupChannel(tenant.id, group.id))?.conversationId).toBe('19:a@thread.tacv2');
    });

    it('is null when the group has no channel', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      await repos.conversations.save(aConversation(tenant.id, { kind: 'groupChat', groupId: group.id }));
      expect(await repos.conversations.findGroupChannel(tenant.id, group.id)).toBeNull();
    });
  });
});
