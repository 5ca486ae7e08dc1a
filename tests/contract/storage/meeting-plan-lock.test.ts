/**
 * Two plans of one group, at once: the second waits for the first and then sees its meetings, so
 * a double click cannot plan a year twice. Against every database (on PostgreSQL the two run on
 * two connections of the pool).
 */
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { aMeeting, seedTenantWithGroup } from './storage-fixtures';

describe.each(databaseTargets())('the meeting plan lock on $name', (target) => {
  let opened: MigratedStorage;
  beforeAll(async () => {
    opened = await openMigratedStorage(target);
  });
  afterAll(() => opened.storage.close());

  it('makes a second plan of the group wait for the first, and see what it stored', async () => {
    const { tenant, group } = await seedTenantWithGroup(opened.storage.repositories);
    const order: string[] = [];
    let firstHasLock!: () => void;
    const locked = new Promise<void>((resolve) => (firstHasLock = resolve));
    const first = opened.storage.unitOfWork.transaction(async (repos) => {
      await repos.meetings.lockPlan(tenant.id, group.id);
      firstHasLock();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await repos.meetings.save(aMeeting(tenant.id, group.id));
      order.push('first stored');
    });
    await locked;
    const second = opened.storage.unitOfWork.transaction(async (repos) => {
      await repos.meetings.lockPlan(tenant.id, group.id);
      order.push('second locked');
      return repos.meetings.listByGroup(tenant.id, group.id);
    });
    const [, seen] = await Promise.all([first, second]);
    expect(order).toEqual(['first stored', 'second locked']);
    expect(seen).toHaveLength(1);
  });
});
