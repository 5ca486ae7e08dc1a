/** Matching a Teams user to a person: object id first, then mail, never a stranger's object id. */
import { identifyPerson } from '../../../bot/src/app/identify-person';
import type { PersonRepository } from '../../../bot/src/app/ports/repositories';
import type { Person } from '../../../bot/src/domain/person';

/** A hand-written fake: the behaviour the contract tests pin down for the SQL repository. */
function peopleFake(initial: Person[]): PersonRepository & { all: Person[] } {
  const all = [...initial];
  return {
    all,
    save: async (p) => {
      const i = all.findIndex((x) => x.id === p.id);
      if (i >= 0) all[i] = p;
      else all.push(p);
    },
    find: async (t, id) => all.find((p) => p.tenantId === t && p.id === id) ?? null,
    findByAadObjectId: async (t, oid) => all.find((p) => p.tenantId === t && p.aadObjectId === oid) ?? null,
    findByEmail: async (t, mail) => all.find((p) => p.tenantId === t && p.email === mail) ?? null,
    listByGroup: async () => all,
  };
}

const sara: Person = { id: 'p-sara', tenantId: 't1', aadObjectId: null, name: 'Sara', email: 'sara@kommun.example', organisationId: null };
const erik: Person = {
  id: 'p-erik',
  tenantId: 't1',
  aadObjectId: 'oid-erik',
  name: 'Erik',
  email: 'erik@kommun.example',
  organisationId: null,
};

describe('identifying a Teams user', () => {
  it('matches by Entra object id first', async () => {
    const people = peopleFake([sara, erik]);
    expect(await identifyPerson(people, { tenantId: 't1', aadObjectId: 'oid-erik', email: 'sara@kommun.example' })).toEqual(erik);
  });

  it('falls back to the mail, case-insensitively, and remembers the object id', async () => {
    const people = peopleFake([sara, erik]);
    const found = await identifyPerson(people, { tenantId: 't1', aadObjectId: 'oid-sara', email: ' Sara@Kommun.Example ' });
    expect(found?.id).toBe('p-sara');
    expect(people.all.find((p) => p.id === 'p-sara')?.aadObjectId).toBe('oid-sara');
  });

  it('refuses a mail match when the person already has another object id', async () => {
    const people = peopleFake([sara, erik]);
    expect(await identifyPerson(people, { tenantId: 't1', aadObjectId: 'oid-someone-else', email: 'erik@kommun.example' })).toBeNull();
  });

  it('never matches across tenants, and not without any identity', async () => {
    const people = peopleFake([sara, erik]);
    expect(await identifyPerson(people, { tenantId: 't2', aadObjectId: 'oid-erik', email: 'erik@kommun.example' })).toBeNull();
    expect(await identifyPerson(people, { tenantId: 't1' })).toBeNull();
  });
});
