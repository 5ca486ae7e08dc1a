/** Transactions through the storage, and the rules the schema itself enforces. */
import { Client } from 'pg';
import { SqlError } from '../../../bot/src/adapters/storage/sql-database';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aMeeting, aPerson, aTenant, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('storage transactions and schema rules on $name', (target) => {
  let opened: MigratedStorage;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
  });
  afterAll(() => opened.storage.close());

  it('answers ping', async () => {
    await expect(opened.storage.ping()).resolves.toBeUndefined();
  });

  it('commits everything the work wrote, and returns its result', async () => {
    const tenant = aTenant();
    const result = await opened.storage.unitOfWork.transaction(async (repos) => {
      await repos.tenants.save(tenant);
      await repos.people.save(aPerson(tenant.id, { email: 'kommit@example.se' }));
      return 'ok';
    });
    expect(result).toBe('ok');
    const found = await opened.storage.repositories.people.findByEmail(tenant.id, 'kommit@example.se');
    expect(found?.tenantId).toBe(tenant.id);
  });

  it('runs reads asked at once inside a transaction, one after another, each with its own answer', async () => {
    // On PostgreSQL, how many queries each pg connection has on its way at once (pg 9 will refuse
    // a second); PGlite runs one at a time by itself.
    const most = new Map<unknown, { open: number; most: number }>();
    const original = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      const seen = most.get(this) ?? { open: 0, most: 0 };
      most.set(this, seen);
      seen.open += 1;
      seen.most = Math.max(seen.most, seen.open);
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise) void result.finally(() => (seen.open -= 1)).catch(() => undefined);
      else seen.open -= 1;
      return result as never;
    });
    try {
      const { tenant, group } = await seedTenantWithGroup(opened.storage.repositories);
      const answers = await opened.storage.unitOfWork.transaction(async (repos) => {
        await repos.people.save(aPerson(tenant.id, { email: 'samtidig@example.se' }));
        return Promise.all([
          repos.tenants.find(tenant.id),
          repos.groups.find(tenant.id, group.id),
          repos.people.findByEmail(tenant.id, 'samtidig@example.se'),
          repos.meetings.listByGroup(tenant.id, group.id),
          repos.organisations.listByGroup(tenant.id, group.id),
        ]);
      });
      expect(answers.map((a) => (Array.isArray(a) ? a.length : a?.id !== undefined))).toEqual([true, true, true, 0, 0]);
      expect([...most.values()].filter((s) => s.most > 1)).toEqual([]);
      if (target.name === 'PostgreSQL') expect(most.size).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('leaves nothing written when the work throws', async () => {
    const tenant = aTenant();
    await expect(
      opened.storage.unitOfWork.transaction(async (repos) => {
        await repos.tenants.save(tenant);
        await repos.people.save(aPerson(tenant.id, { email: 'rullad@example.se' }));
        // Reads inside the transaction see its own writes.
        expect(await repos.tenants.find(tenant.id)).toEqual(tenant);
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    expect(await opened.storage.repositories.tenants.find(tenant.id)).toBeNull();
    expect(await opened.storage.repositories.people.findByEmail(tenant.id, 'rullad@example.se')).toBeNull();
  });

  it('leaves nothing written when a statement in the work is refused', async () => {
    const tenant = aTenant();
    await expect(
      opened.storage.unitOfWork.transaction(async (repos) => {
        await repos.tenants.save(tenant);
        await repos.people.save(aPerson(tenant.id, { email: 'dubbel@example.se' }));
        await repos.people.save(aPerson(tenant.id, { email: 'DUBBEL@example.se' }));
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await opened.storage.repositories.tenants.find(tenant.id)).toBeNull();
  });

  describe('published minutes', () => {
    async function meetingWithMinutes(): Promise<{ tenantId: string; groupId: string; meetingId: string }> {
      const { tenant, group } = await seedTenantWithGroup(opened.storage.repositories);
      const meeting = aMeeting(tenant.id, group.id);
      await opened.storage.repositories.meetings.save(meeting);
      await opened.db.query(`INSERT INTO minutes (tenant_id, group_id, meeting_id, version, body) VALUES ($1, $2, $3, 1, $4::jsonb)`, [
        tenant.id,
        group.id,
        meeting.id,
        JSON.stringify({ items: [{ notes: 'utkast' }] }),
      ]);
      return { tenantId: tenant.id, groupId: group.id, meetingId: meeting.id };
    }

    it('can be edited and published while a draft, then refuse update and delete', async () => {
      const { tenantId, meetingId } = await meetingWithMinutes();
      const key = [tenantId, meetingId];
      await opened.db.query(
        `UPDATE minutes SET body = '{"items": [{"notes": "klart"}]}'::jsonb WHERE tenant_id = $1 AND meeting_id = $2`,
        key,
      );
      await opened.db.query(`UPDATE minutes SET status = 'published', published_at = now() WHERE tenant_id = $1 AND meeting_id = $2`, key);

      const edit = opened.db.query(`UPDATE minutes SET body = '{"items": []}'::jsonb WHERE tenant_id = $1 AND meeting_id = $2`, key);
      await expect(edit).rejects.toBeInstanceOf(SqlError);
      await expect(edit).rejects.toThrow(/published and locked/);
      await expect(opened.db.query('DELETE FROM minutes WHERE tenant_id = $1 AND meeting_id = $2', key)).rejects.toThrow(
        /published and locked/,
      );

      const [row] = await opened.db.query<{ status: string; body: unknown; published_at: Date }>(
        'SELECT status, body, published_at FROM minutes WHERE tenant_id = $1 AND meeting_id = $2',
        key,
      );
      expect(row?.status).toBe('published');
      expect(row?.body).toEqual({ items: [{ notes: 'klart' }] });
      expect(row?.published_at).toBeInstanceOf(Date);
    });

    it('takes a correction as a new version', async () => {
      const { tenantId, groupId, meetingId } = await meetingWithMinutes();
      await opened.db.query(`UPDATE minutes SET status = 'published', published_at = now() WHERE tenant_id = $1 AND meeting_id = $2`, [
        tenantId,
        meetingId,
      ]);
      await opened.db.query(`INSERT INTO minutes (tenant_id, group_id, meeting_id, version) VALUES ($1, $2, $3, 2)`, [
        tenantId,
        groupId,
        meetingId,
      ]);
      const rows = await opened.db.query<{ version: number; status: string }>(
        'SELECT version, status FROM minutes WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY version',
        [tenantId, meetingId],
      );
      expect(rows).toEqual([
        { version: 1, status: 'published' },
        { version: 2, status: 'draft' },
      ]);
    });
  });

  it('enforces the proposal rules: kind, title length, minutes 5–60', async () => {
    const { tenant, group } = await seedTenantWithGroup(opened.storage.repositories);
    const proposer = aPerson(tenant.id);
    await opened.storage.repositories.people.save(proposer);
    const insert = (kind: string, title: string, minutes: number) =>
      opened.db.query(
        `INSERT INTO proposal (tenant_id, id, group_id, title, kind, proposer_person_id, minutes_needed)
         VALUES ($1, gen_random_uuid()::text, $2, $3, $4, $5, $6)`,
        [tenant.id, group.id, title, kind, proposer.id, minutes],
      );
    await expect(insert('beslut', 'Solceller på skolor', 20)).resolves.toEqual([]);
    await expect(insert('beslutt', 'Stavfel i typen', 20)).rejects.toMatchObject({ code: '23514' });
    await expect(insert('diskussion', 'x'.repeat(121), 20)).rejects.toMatchObject({ code: '23514' });
    await expect(insert('diskussion', 'För kort tid', 4)).rejects.toMatchObject({ code: '23514' });
    await expect(insert('diskussion', 'För lång tid', 61)).rejects.toMatchObject({ code: '23514' });
  });
});
