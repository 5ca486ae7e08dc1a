/** Object mother: a small, valid group seed that tests vary field by field. */
import type { GroupSeed } from '../../bot/src/app/seed-demo-group';
import { DEFAULT_GROUP_SETTINGS } from '../../bot/src/domain/group';

export const TENANT = 'tenant-test-1';

export function aGroupSeed(overrides: Partial<GroupSeed> = {}): GroupSeed {
  return {
    tenant: { id: TENANT, name: 'Testkommun' },
    group: { name: 'Hållbarhetsgruppen', description: 'Testgrupp', teamId: '19:team@thread.tacv2', settings: DEFAULT_GROUP_SETTINGS },
    organisations: [
      { key: 'ks', name: 'Kommunstyrelsens förvaltning', kind: 'forvaltning' },
      { key: 'utb', name: 'Utbildningsförvaltningen', kind: 'forvaltning' },
    ],
    people: [
      {
        name: 'Anna Strateg',
        email: 'anna@test.example',
        aadObjectId: '00000000-0000-4000-8000-000000000001',
        organisation: 'ks',
        role: 'strategist',
      },
      {
        name: 'Erik Strateg',
        email: 'erik@test.example',
        aadObjectId: '00000000-0000-4000-8000-000000000002',
        organisation: 'ks',
        role: 'strategist',
      },
      { name: 'Sara Delegat', email: 'Sara@Test.example', aadObjectId: null, organisation: 'utb', role: 'delegate' },
    ],
    goals: [
      { framework: 'sdg', number: 13, name: 'Bekämpa klimatförändringarna' },
      { framework: 'miljomal', number: 1, name: 'Begränsad klimatpåverkan' },
      { framework: 'local', number: 1, name: 'Minskad klimatpåverkan och ren luft' },
    ],
    meetings: {
      pattern: { count: 4, weekday: 3, occurrence: 2, startTime: '13:00', months: [2, 5, 9, 11] },
      place: 'Stadshuset',
      onlineUrl: null,
      titlePrefix: 'Möte',
    },
    ...overrides,
  };
}

/** A clock that stands still where the test puts it. */
export function fixedClock(iso: string) {
  let now = new Date(iso);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

/** Predictable ids: id-1, id-2, … */
export function sequentialIds(prefix = 'id') {
  let n = 0;
  return () => `${prefix}-${(n += 1)}`;
}
