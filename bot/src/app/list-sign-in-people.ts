/**
 * The people a developer can sign in as in local mode (the dev sign-in). Production mode never
 * wires this use case: there, identity comes from Teams SSO only.
 */
import type { Role } from '../domain/membership';
import type { Repositories } from './ports/repositories';

export interface SignInPerson {
  id: string;
  name: string;
  organisationName: string | null;
  groupName: string;
  role: Role;
}

export async function listSignInPeople(repos: Repositories, tenantId: string): Promise<SignInPerson[]> {
  const result: SignInPerson[] = [];
  for (const group of await repos.groups.listByTenant(tenantId)) {
    const [people, memberships, organisations] = await Promise.all([
      repos.people.listByGroup(tenantId, group.id),
      repos.memberships.listByGroup(tenantId, group.id),
      repos.organisations.listByGroup(tenantId, group.id),
    ]);
    const roleOf = new Map(memberships.map((m) => [m.personId, m.role]));
    const orgName = new Map(organisations.map((o) => [o.id, o.name]));
    for (const person of people) {
      result.push({
        id: person.id,
        name: person.name,
        organisationName: person.organisationId ? (orgName.get(person.organisationId) ?? null) : null,
        groupName: group.name,
        role: roleOf.get(person.id) ?? 'guest',
      });
    }
  }
  // Strategists first: they are the ones who run the tab.
  return result.sort((a, b) => Number(b.role === 'strategist') - Number(a.role === 'strategist') || a.name.localeCompare(b.name, 'sv'));
}
