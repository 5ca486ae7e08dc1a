/** Who the signed-in person is and which groups they belong to: the tab's starting point. */
import type { Role } from '../domain/membership';
import { AppError } from './errors';
import type { Repositories } from './ports/repositories';

export interface MyGroups {
  person: { id: string; name: string; email: string; organisationName: string | null };
  groups: { id: string; name: string; role: Role }[];
}

export async function listMyGroups(repos: Repositories, input: { tenantId: string; personId: string }): Promise<MyGroups> {
  const person = await repos.people.find(input.tenantId, input.personId);
  if (!person) throw new AppError('not-found', 'No such person');
  const groups: MyGroups['groups'] = [];
  let organisationName: string | null = null;
  for (const membership of await repos.memberships.listByPerson(input.tenantId, person.id)) {
    const group = await repos.groups.find(input.tenantId, membership.groupId);
    if (!group) continue;
    groups.push({ id: group.id, name: group.name, role: membership.role });
    if (person.organisationId && organisationName === null) {
      const organisations = await repos.organisations.listByGroup(input.tenantId, group.id);
      organisationName = organisations.find((o) => o.id === person.organisationId)?.name ?? null;
    }
  }
  return { person: { id: person.id, name: person.name, email: person.email, organisationName }, groups };
}
