/** Conversation references and the audit log against every database. */
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import type { AuditEvent } from '../../../bot/src/domain/audit';
import type { ConversationRecord } from '../../../bot/src/domain/conversation';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aPerson, id, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('conversations and audit on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  describe('conversations', () => {
    it('stores the opaque reference as given and replaces it by (tenant, conversation id)', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const person = aPerson(tenant.id);
      await repos.people.save(person);
      const conversationId = `a:${id()}`;
      const first: ConversationRecord = {
        tenantId: tenant.id,
        conversationId,
        kind: 'personal',
        personId: person.id,
        groupId: null,
        reference: { serviceUrl: 'https://smba.trafficmanager.net/emea/', user: { id: '29:1' }, list: [1, 'två'] },
        updatedAt: new Date('2026-01-10T08:00:00.000Z'),
      };
      await repos.conversations.save(first);
      expect(await repos.conversations.find(tenant.id, conversationId)).toEqual(first);

      const second: ConversationRecord = {
        ...first,
        kind: 'channel',
        personId: null,
        groupId: group.id,
        reference: { serviceUrl: 'https://smba.trafficmanager.net/se/' },
        updatedAt: new Date('2026-02-01T09:30:00.000Z'),
      };
      await repos.conversations.save(second);
      const found = await repos.conversations.find(tenant.id, conversationId);
      expect(found).toEqual(second);
      expect(found?.updatedAt).toBeInstanceOf(Date);
      const rows = await opened.db.query('SELECT 1 FROM conversation_reference WHERE tenant_id = $1', [tenant.id]);
      expect(rows).toHaveLength(1);
    });

    it('remembers a conversation from a tenant that is not stored (yet)', async () => {
      const tenantId = `unknown-${id()}`;
      const record: ConversationRecord = {
        tenantId,
        conversationId: 'a:1',
        kind: 'personal',
        personId: null,
        groupId: null,
        reference: { conversation: { id: 'a:1' } },
        updatedAt: new Date('2026-01-01T00:00:00.000Z'),
      };
      await repos.conversations.save(record);
      expect(await repos.conversations.find(tenantId, 'a:1')).toEqual(record);
    });

    it('keeps the same conversation id apart in two tenants', async () => {
      const a = await seedTenantWithGroup(repos);
      const b = await seedTenantWithGroup(repos);
      const record = (tenantId: string, ref: string): ConversationRecord => ({
        tenantId,
        conversationId: '19:shared@thread.tacv2',
        kind: 'groupChat',
        personId: null,
        groupId: null,
        reference: { ref },
        updatedAt: new Date('2026-01-01T00:00:00.000Z'),
      });
      await repos.conversations.save(record(a.tenant.id, 'A'));
      await repos.conversations.save(record(b.tenant.id, 'B'));
      expect((await repos.conversations.find(a.tenant.id, '19:shared@thread.tacv2'))?.reference).toEqual({ ref: 'A' });
      expect((await repos.conversations.find(b.tenant.id, '19:shared@thread.tacv2'))?.reference).toEqual({ ref: 'B' });
      expect(await repos.conversations.find(b.tenant.id, 'nope')).toBeNull();
    });
  });

  describe('audit log', () => {
    it('lists a group’s events newest first, up to the limit, with detail and time intact', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const other = await seedTenantWithGroup(repos);
      const event = (action: string, iso: string, detail: Record<string, unknown> = {}): AuditEvent => ({
        tenantId: tenant.id,
        groupId: group.id,
        actorPersonId: null,
        action,
        subject: `meeting:${action}`,
        at: new Date(iso),
        detail,
      });
      const called = event('meeting.called', '2026-02-01T10:00:00.000Z', { recipients: 14, late: false });
      const planned = event('meeting.planned', '2026-01-15T10:00:00.000Z');
      const published = event('minutes.published', '2026-02-20T16:45:30.125Z', { version: 2, items: ['a', 'b'] });
      for (const e of [called, planned, published]) await repos.audit.record(e);
      await repos.audit.record({
        ...event('other.tenant', '2026-03-01T00:00:00.000Z'),
        tenantId: other.tenant.id,
        groupId: other.group.id,
      });

      expect(await repos.audit.listByGroup(tenant.id, group.id, 10)).toEqual([published, called, planned]);
      expect(await repos.audit.listByGroup(tenant.id, group.id, 2)).toEqual([published, called]);
      expect(await repos.audit.listByGroup(other.tenant.id, group.id, 10)).toEqual([]);
    });

    it('orders events recorded at the same instant newest-recorded first', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const at = new Date('2026-04-01T12:00:00.000Z');
      for (const action of ['first', 'second', 'third']) {
        await repos.audit.record({ tenantId: tenant.id, groupId: group.id, actorPersonId: 'x', action, subject: 's', at, detail: {} });
      }
      expect((await repos.audit.listByGroup(tenant.id, group.id, 3)).map((e) => e.action)).toEqual(['third', 'second', 'first']);
    });

    it('pages a group’s events newest first from the event before which a page starts, with ids', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const other = await seedTenantWithGroup(repos);
      const record = (action: string, iso: string, where = { tenantId: tenant.id, groupId: group.id }) =>
        repos.audit.record({ ...where, actorPersonId: null, action, subject: 's', at: new Date(iso), detail: { n: 1 } });
      // Recorded out of time order, two at one instant: the page follows time, then the order of recording.
      await record('b', '2026-02-01T10:00:00.000Z');
      await record('a', '2026-01-01T10:00:00.000Z');
      await record('d', '2026-03-01T10:00:00.000Z');
      await record('c1', '2026-02-15T10:00:00.000Z');
      await record('c2', '2026-02-15T10:00:00.000Z');
      await record('x', '2026-02-20T10:00:00.000Z', { tenantId: other.tenant.id, groupId: other.group.id });
      const page = (limit: number, before: string | null) => repos.audit.listPage(tenant.id, group.id, { limit, before });

      const first = await page(2, null);
      expect(first.map((e) => e.action)).toEqual(['d', 'c2']);
      expect(first[0]).toEqual(expect.objectContaining({ id: expect.stringMatching(/^\d+$/), tenantId: tenant.id, detail: { n: 1 } }));
      const second = await page(2, first[1]!.id);
      expect(second.map((e) => e.action)).toEqual(['c1', 'b']);
      expect((await page(2, second[1]!.id)).map((e) => e.action)).toEqual(['a']);
      expect((await page(10, null)).map((e) => e.id)).toEqual([...first, ...second, ...(await page(2, second[1]!.id))].map((e) => e.id));
      // Another group's event id (or none at all) is no place to start from.
      const [foreign] = await repos.audit.listPage(other.tenant.id, other.group.id, { limit: 1, before: null });
      expect(await page(10, foreign!.id)).toEqual([]);
      expect(await page(10, '999999999999')).toEqual([]);
    });
  });
});
