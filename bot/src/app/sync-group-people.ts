/**
 * The people of a group that is already there, brought in line with its group file: someone new
 * in the file becomes a member (a person the tenant knows through another group is reused, by
 * mail), and a changed role is changed. Nobody is removed: a member leaves through the erasure in
 * the tab (privacy), which also removes their personal data. `npm run group-setup` runs it when the
 * group exists, so the file stays how the municipality names its strategists and members.
 */
import { normaliseEmail } from '../domain/person';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { UnitOfWork } from './ports/repositories';
import type { GroupSeed } from './seed-demo-group';

export interface SyncResult {
  groupId: string;
  added: string[];
  roleChanged: string[];
  unchanged: number;
}

export async function syncGroupPeople(
  deps: { unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator },
  seed: Pick<GroupSeed, 'tenant' | 'group' | 'organisations' | 'people'>,
): Promise<SyncResult | null> {
  return deps.unitOfWork.transaction(async (repos) => {
    const tenantId = seed.tenant.id;
    const group = await repos.groups.findByName(tenantId, seed.group.name);
    if (!group) return null;
    const [memberships, organisations] = await Promise.all([
      repos.memberships.listByGroup(tenantId, group.id),
      repos.organisations.listByGroup(tenantId, group.id),
    ]);
    const roleOf = new Map(memberships.map((m) => [m.personId, m.role]));
    // A new person's organisation by the file's key: the group's organisation of that name.
    const organisationByKey = new Map(
      seed.organisations.map((o) => [o.key, organisations.find((existing) => existing.name === o.name)?.id ?? null]),
    );
    const result: SyncResult = { groupId: group.id, added: [], roleChanged: [], unchanged: 0 };
    for (const p of seed.people) {
      const email = normaliseEmail(p.email);
      const known = await repos.people.findByEmail(tenantId, email);
      const personId = known?.id ?? deps.ids();
      if (!known) {
        const organisationId = p.organisation ? (organisationByKey.get(p.organisation) ?? null) : null;
        await repos.people.save({ id: personId, tenantId, aadObjectId: p.aadObjectId, name: p.name, email, organisationId });
      }
      const role = roleOf.get(personId);
      if (role === p.role) {
        result.unchanged += 1;
        continue;
      }
      await repos.memberships.save({ tenantId, groupId: group.id, personId, role: p.role });
      (role === undefined ? result.added : result.roleChanged).push(p.name);
    }
    if (result.added.length > 0 || result.roleChanged.length > 0) {
      await repos.audit.record({
        tenantId,
        groupId: group.id,
        actorPersonId: null,
        action: 'group.people-synced',
        subject: `group:${group.id}`,
        at: deps.clock.now(),
        detail: { added: result.added.length, roleChanged: result.roleChanged.length },
      });
    }
    return result;
  });
}
