/**
 * The accessibility statement's contact is the group's data: optional in a seed, checked as a
 * mail address, and given to every member with the group's overview, with the public body's name.
 */
import { parseGroupSeed } from '../../../bot/src/adapters/storage/seed-file';
import { seedDemoGroup } from '../../../bot/src/app/seed-demo-group';
import { createUseCases } from '../../../bot/src/app/use-cases';
import { databaseTargets, openMigratedStorage, type MigratedStorage } from '../../support/database';
import { fakePorts } from '../../support/fake-messenger';
import { aGroupSeed, fixedClock, sequentialIds } from '../../support/group-seed-mother';

const withContact = (contact: unknown, name = 'Hållbarhetsgruppen') => {
  const seed = aGroupSeed();
  return { ...seed, group: { ...seed.group, name, teamId: null, settings: { ...seed.group.settings, accessibilityContact: contact } } };
};

describe('the accessibility contact in a seed', () => {
  it('is optional, and a mail address when given', () => {
    expect(parseGroupSeed(aGroupSeed()).group.settings.accessibilityContact).toBeUndefined();
    expect(parseGroupSeed(withContact('tillganglighet@kommun.example')).group.settings.accessibilityContact).toBe(
      'tillganglighet@kommun.example',
    );
    expect(() => parseGroupSeed(withContact('ring Anna'))).toThrow(/group\.settings\.accessibilityContact/);
  });
});

describe('the accessibility contact in the overview', () => {
  let migrated: MigratedStorage;
  let useCases: ReturnType<typeof createUseCases>;
  const clock = fixedClock('2026-03-01T10:00:00Z');

  beforeAll(async () => {
    migrated = await openMigratedStorage(databaseTargets()[0]!);
    useCases = createUseCases({
      repositories: migrated.storage.repositories,
      unitOfWork: migrated.storage.unitOfWork,
      clock,
      ids: sequentialIds('uc'),
      ...fakePorts(clock),
    });
  });
  afterAll(() => migrated.db.close());

  async function overviewFor(seed: ReturnType<typeof aGroupSeed> | ReturnType<typeof withContact>, key: string) {
    const { groupId } = await seedDemoGroup(
      { unitOfWork: migrated.storage.unitOfWork, clock, ids: sequentialIds(key) },
      parseGroupSeed(seed),
      [2026],
    );
    const people = await migrated.storage.repositories.people.listByGroup(seed.tenant.id, groupId);
    const delegate = people.find((p) => p.name === 'Sara Delegat')!;
    return useCases.getGroupOverview({ tenantId: seed.tenant.id, personId: delegate.id, groupId });
  }

  it('is shown to a delegate with the public body, and null when the group has none', async () => {
    const withOne = await overviewFor(withContact('tillganglighet@kommun.example', 'Grupp med adress'), 'a');
    expect(withOne.group).toMatchObject({ tenantName: 'Testkommun', accessibilityContact: 'tillganglighet@kommun.example' });
    const seed = aGroupSeed();
    const without = await overviewFor({ ...seed, group: { ...seed.group, name: 'Grupp utan adress', teamId: null } }, 'b');
    expect(without.group).toMatchObject({ tenantName: 'Testkommun', accessibilityContact: null });
  });
});
