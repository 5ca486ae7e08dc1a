/** Deliveries (one message to one recipient, claimed by key) against every database. */
import { SqlError } from '../../../bot/src/adapters/storage/sql-database';
import type { Repositories } from '../../../bot/src/app/ports/repositories';
import type { Delivery } from '../../../bot/src/domain/delivery';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aDeliveryClaim, aGroup, id, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('deliveries on $name', (target) => {
  let opened: MigratedStorage;
  let repos: Repositories;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
    repos = opened.storage.repositories;
  });
  afterAll(() => opened.db.close());

  async function rowCount(tenantId: string, deliveryKey: string): Promise<number> {
    const [row] = await opened.db.query<{ count: number }>(
      'SELECT count(*) AS count FROM delivery WHERE tenant_id = $1 AND delivery_key = $2',
      [tenantId, deliveryKey],
    );
    return row?.count ?? -1;
  }

  describe('lease', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 1, 10, 8, minute));

    it('goes to exactly one of ten senders at once, and to none while it lasts', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const claim = aDeliveryClaim(tenant.id, group.id);
      await repos.deliveries.claim(claim);
      const leases = await Promise.all(
        Array.from({ length: 10 }, () => repos.deliveries.lease(tenant.id, claim.deliveryKey, at(0), at(10))),
      );
      expect(leases.filter((l) => l !== null)).toHaveLength(1);
      expect(leases.find((l) => l !== null)?.state).toBe('sending');
      expect(await repos.deliveries.lease(tenant.id, claim.deliveryKey, at(9), at(19))).toBeNull();
    });

    it('can be taken over when it has run out, and never once sent', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const claim = aDeliveryClaim(tenant.id, group.id);
      await repos.deliveries.claim(claim);
      await repos.deliveries.lease(tenant.id, claim.deliveryKey, at(0), at(10));
      const takenOver = await repos.deliveries.lease(tenant.id, claim.deliveryKey, at(10), at(20));
      expect(takenOver).not.toBeNull();
      await repos.deliveries.save({ ...takenOver!, state: 'sent', attempts: 1, sentAt: at(11), updatedAt: at(11) });
      expect(await repos.deliveries.lease(tenant.id, claim.deliveryKey, at(30), at(40))).toBeNull();
    });

    it('takes a failed delivery again, in its own tenant only', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const other = await seedTenantWithGroup(repos);
      const claim = aDeliveryClaim(tenant.id, group.id);
      const claimed = await repos.deliveries.claim(claim);
      await repos.deliveries.save({ ...claimed, state: 'failed', attempts: 3, lastError: '503', updatedAt: at(1) });
      expect(await repos.deliveries.lease(other.tenant.id, claim.deliveryKey, at(2), at(12))).toBeNull();
      expect(await repos.deliveries.lease(tenant.id, claim.deliveryKey, at(2), at(12))).toMatchObject({ state: 'sending', attempts: 3 });
    });
  });

  describe('claim', () => {
    it('creates the delivery as pending with no attempts, at the time given', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const claim = aDeliveryClaim(tenant.id, group.id);
      const claimed = await repos.deliveries.claim(claim);
      expect(claimed).toEqual<Delivery>({ ...claim, state: 'pending', attempts: 0, lastError: null, sentAt: null, messageId: null });
      expect(claimed.updatedAt).toBeInstanceOf(Date);
      expect(claimed.updatedAt.getTime()).toBe(claim.updatedAt.getTime());
      expect(await rowCount(tenant.id, claim.deliveryKey)).toBe(1);
    });

    it('returns the stored row unchanged when the key is claimed again, even after it was sent', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const claim = aDeliveryClaim(tenant.id, group.id);
      const first = await repos.deliveries.claim(claim);
      const again = { ...claim, id: id(), target: 'person:someone-else', updatedAt: new Date('2026-02-11T00:00:00.000Z') };
      expect(await repos.deliveries.claim(again)).toEqual(first);

      const sent: Delivery = {
        ...first,
        state: 'sent',
        attempts: 1,
        sentAt: new Date('2026-02-10T07:00:01.250Z'),
        updatedAt: new Date('2026-02-10T07:00:01.250Z'),
      };
      await repos.deliveries.save(sent);
      expect(await repos.deliveries.claim(again)).toEqual(sent);
      expect(await repos.deliveries.claim(claim)).toEqual(sent);
      expect(await rowCount(tenant.id, claim.deliveryKey)).toBe(1);
    });

    it('gives ten concurrent claimers of one key the same single row', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const key = `kallelse:${id()}:person:p1`;
      const claims = Array.from({ length: 10 }, (_, n) =>
        aDeliveryClaim(tenant.id, group.id, { deliveryKey: key, updatedAt: new Date(Date.UTC(2026, 1, 10, 7, 0, n)) }),
      );
      const results = await Promise.all(claims.map((claim) => repos.deliveries.claim(claim)));
      const winner = results[0];
      expect(winner).toBeDefined();
      for (const result of results) expect(result).toEqual(winner);
      expect(claims.map((c) => c.id)).toContain(winner?.id);
      expect(await rowCount(tenant.id, key)).toBe(1);
    });

    it('keeps the same key apart in two tenants', async () => {
      const a = await seedTenantWithGroup(repos);
      const b = await seedTenantWithGroup(repos);
      const key = `call-for-proposals:${id()}:person:p1`;
      const inA = await repos.deliveries.claim(aDeliveryClaim(a.tenant.id, a.group.id, { deliveryKey: key }));
      await repos.deliveries.save({ ...inA, state: 'sent', attempts: 1, sentAt: inA.updatedAt });
      const inB = await repos.deliveries.claim(aDeliveryClaim(b.tenant.id, b.group.id, { deliveryKey: key }));
      expect(inB.tenantId).toBe(b.tenant.id);
      expect(inB.id).not.toBe(inA.id);
      expect(inB.state).toBe('pending');
    });

    it('claims inside a unit of work, and a rollback leaves no row', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const claim = aDeliveryClaim(tenant.id, group.id);
      await expect(
        opened.storage.unitOfWork.transaction(async (tx) => {
          expect((await tx.deliveries.claim(claim)).state).toBe('pending');
          throw new Error('abandoned');
        }),
      ).rejects.toThrow('abandoned');
      expect(await rowCount(tenant.id, claim.deliveryKey)).toBe(0);
    });

    it('refuses a delivery for a group of another tenant (foreign key)', async () => {
      const { tenant } = await seedTenantWithGroup(repos);
      const other = await seedTenantWithGroup(repos);
      const error: unknown = await repos.deliveries.claim(aDeliveryClaim(tenant.id, other.group.id)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SqlError);
      expect((error as SqlError).code).toBe('23503');
    });
  });

  describe('save', () => {
    it('round-trips state, attempts, error, sent time and update time', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const claimed = await repos.deliveries.claim(aDeliveryClaim(tenant.id, group.id));

      // 5 000 characters, each an astral one (two UTF-16 units): the cut must not split one.
      const longError = '🌲'.repeat(5000);
      const failed: Delivery = {
        ...claimed,
        state: 'failed',
        attempts: 3,
        lastError: longError,
        updatedAt: new Date('2026-02-10T07:05:00.123Z'),
      };
      await repos.deliveries.save(failed);
      const [afterFailure] = await repos.deliveries.listByGroup(tenant.id, group.id);
      expect(afterFailure).toEqual({ ...failed, lastError: '🌲'.repeat(1000) });
      expect([...(afterFailure?.lastError ?? '')]).toHaveLength(1000);
      expect(afterFailure?.updatedAt).toBeInstanceOf(Date);
      expect(afterFailure?.updatedAt.getTime()).toBe(Date.UTC(2026, 1, 10, 7, 5, 0, 123));

      const sent: Delivery = {
        ...failed,
        state: 'sent',
        attempts: 4,
        lastError: 'timeout, then "ok" – åäö',
        sentAt: new Date('2026-02-10T08:00:00.987Z'),
        updatedAt: new Date('2026-02-10T08:00:00.987Z'),
      };
      await repos.deliveries.save(sent);
      const [afterSend] = await repos.deliveries.listByGroup(tenant.id, group.id);
      expect(afterSend).toEqual(sent);
      expect(afterSend?.sentAt).toBeInstanceOf(Date);
      expect(afterSend?.sentAt?.getTime()).toBe(Date.UTC(2026, 1, 10, 8, 0, 0, 987));

      const cleared: Delivery = { ...sent, lastError: null, sentAt: null, state: 'pending' };
      await repos.deliveries.save(cleared);
      expect(await repos.deliveries.listByGroup(tenant.id, group.id)).toEqual([cleared]);
    });

    it('keeps an error of exactly 1000 characters whole', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const claimed = await repos.deliveries.claim(aDeliveryClaim(tenant.id, group.id));
      const error = 'x'.repeat(999) + 'ö';
      await repos.deliveries.save({ ...claimed, state: 'failed', attempts: 1, lastError: error });
      expect((await repos.deliveries.listByGroup(tenant.id, group.id))[0]?.lastError).toBe(error);
    });

    it('fails for a delivery that was never claimed, or in another tenant', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const other = await seedTenantWithGroup(repos);
      const claimed = await repos.deliveries.claim(aDeliveryClaim(tenant.id, group.id));
      const sent: Delivery = { ...claimed, state: 'sent', attempts: 1, sentAt: claimed.updatedAt };
      await expect(repos.deliveries.save({ ...sent, id: id() })).rejects.toThrow(/does not exist/);
      await expect(repos.deliveries.save({ ...sent, tenantId: other.tenant.id })).rejects.toThrow(/does not exist/);
      expect((await repos.deliveries.listByGroup(tenant.id, group.id))[0]?.state).toBe('pending');
    });
  });

  describe('listByGroup', () => {
    it('lists newest first and filters by kind, states and a literal key prefix, within the tenant and group', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const otherGroup = aGroup(tenant.id, { name: 'Sociala hållbarhetsgruppen' });
      await repos.groups.save(otherGroup);
      const other = await seedTenantWithGroup(repos);
      const at = (minute: number) => new Date(Date.UTC(2026, 1, 10, 7, minute));

      const claim = async (kind: string, deliveryKey: string, minute: number, groupId = group.id, tenantId = tenant.id) =>
        repos.deliveries.claim(aDeliveryClaim(tenantId, groupId, { kind, deliveryKey, updatedAt: at(minute) }));
      const callP1 = await claim('call-for-proposals', 'call-for-proposals:100%:person:p1', 1);
      const callP2 = await claim('call-for-proposals', 'call-for-proposals:100%:person:p2', 2);
      const callLike = await claim('call-for-proposals', 'call-for-proposals:1000:person:p3', 3);
      const callUnderscore = await claim('call-for-proposals', 'call-for-proposals:m_1:person:p4', 4);
      const callMx1 = await claim('call-for-proposals', 'call-for-proposals:mx1:person:p5', 5);
      const kallelse = await claim('kallelse', 'kallelse:100%:person:p1', 6);
      await claim('call-for-proposals', 'call-for-proposals:100%:person:p9', 7, otherGroup.id);
      await claim('call-for-proposals', 'call-for-proposals:100%:person:p1', 8, other.group.id, other.tenant.id);

      const sentP2: Delivery = { ...callP2, state: 'sent', attempts: 1, sentAt: at(9), updatedAt: at(9) };
      await repos.deliveries.save(sentP2);
      const failedLike: Delivery = { ...callLike, state: 'failed', attempts: 5, lastError: 'blocked', updatedAt: at(10) };
      await repos.deliveries.save(failedLike);

      const keys = (deliveries: Delivery[]) => deliveries.map((d) => d.deliveryKey);
      expect(await repos.deliveries.listByGroup(tenant.id, group.id)).toEqual([
        failedLike,
        sentP2,
        kallelse,
        callMx1,
        callUnderscore,
        callP1,
      ]);
      expect(keys(await repos.deliveries.listByGroup(tenant.id, group.id, { kind: 'kallelse' }))).toEqual([kallelse.deliveryKey]);
      expect(
        await repos.deliveries.listByGroup(tenant.id, group.id, { kind: 'call-for-proposals', states: ['pending', 'failed'] }),
      ).toEqual([failedLike, callMx1, callUnderscore, callP1]);
      expect(await repos.deliveries.listByGroup(tenant.id, group.id, { states: [] })).toEqual([]);
      // `%` and `_` are plain characters: "100%" does not match "1000", "m_1" does not match "mx1".
      expect(keys(await repos.deliveries.listByGroup(tenant.id, group.id, { keyPrefix: 'call-for-proposals:100%' }))).toEqual([
        sentP2.deliveryKey,
        callP1.deliveryKey,
      ]);
      expect(keys(await repos.deliveries.listByGroup(tenant.id, group.id, { keyPrefix: 'call-for-proposals:m_1' }))).toEqual([
        callUnderscore.deliveryKey,
      ]);
      expect(
        keys(
          await repos.deliveries.listByGroup(tenant.id, group.id, {
            kind: 'call-for-proposals',
            states: ['sent'],
            keyPrefix: 'call-for-proposals:100%:',
          }),
        ),
      ).toEqual([sentP2.deliveryKey]);
      expect(await repos.deliveries.listByGroup(tenant.id, group.id, { keyPrefix: '' })).toHaveLength(6);
      expect(await repos.deliveries.listByGroup(tenant.id, group.id, { keyPrefix: 'CALL-FOR' })).toEqual([]);

      expect(await repos.deliveries.listByGroup(other.tenant.id, group.id)).toEqual([]);
      expect(await repos.deliveries.listByGroup(tenant.id, other.group.id)).toEqual([]);
      expect(keys(await repos.deliveries.listByGroup(other.tenant.id, other.group.id))).toEqual(['call-for-proposals:100%:person:p1']);
      expect(await repos.deliveries.listByGroup(tenant.id, otherGroup.id)).toHaveLength(1);
    });

    it('breaks a tie in update time by id', async () => {
      const { tenant, group } = await seedTenantWithGroup(repos);
      const updatedAt = new Date('2026-02-10T07:00:00.000Z');
      const ids = ['b-delivery', 'a-delivery', 'c-delivery'];
      for (const deliveryId of ids) await repos.deliveries.claim(aDeliveryClaim(tenant.id, group.id, { id: deliveryId, updatedAt }));
      expect((await repos.deliveries.listByGroup(tenant.id, group.id)).map((d) => d.id)).toEqual([
        'a-delivery',
        'b-delivery',
        'c-delivery',
      ]);
    });
  });
});
