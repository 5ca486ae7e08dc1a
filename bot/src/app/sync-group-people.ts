/**
 * The people of a group that is already there, brought in line with its group file: a new
 * organisation is added, someone new becomes a member (a person the tenant knows through another
 * group is reused, by mail), a changed role or organisation is changed. Nobody is removed: a member
 * leaves through the erasure in the tab (Medlemmar), which also removes their personal data. What
 * the file says but this does not apply (a changed name) is reported, not silently dropped.
 * `npm run group-setup` runs it when the group exists, so the file stays how the municipality names
 * its strategists and members.
 */
import { normaliseEmail } from '../domain/person';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { UnitOfWork } from './ports/repositories';
import { findSeededGroup, type GroupSeed } from './seed-demo-group';

export interface SyncResult {
  groupId: string;
  organisationsAdded: string[];
  added: string[];
  roleChanged: string[];
  organisationChanged: string[];
  /** What the file says and the sync leaves as it is, one line each (for the operator). */
  ignored: string[];
  unchanged: number;
}

export async function syncGroupPeople(
  deps: { unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator },
  seed: Pick<GroupSeed, 'tenant' | 'group' | 'organisations' | 'people'>,
): Promise<SyncResult | null> {
  return deps.unitOfWork.transaction(async (repos) => {
    const tenantId = seed.tenant.id;
    const group = await findSeededGroup(repos, seed);
    if (!group) return null;
    // One after the other: inside a transaction both would wait for the one connection anyway.
    const memberships = await repos.memberships.listByGroup(tenantId, group.id);
    const organisations = await repos.organisations.listByGroup(tenantId, group.id);
    const roleOf = new Map(memberships.map((m) => [m.personId, m.role]));
    const result: SyncResult = {
      groupId: group.id,
      organisationsAdded: [],
      added: [],
      roleChanged: [],
      organisationChanged: [],
      ignored: [],
      unchanged: 0,
    };
    // What describes the group itself is the group's own from its first run on (the tab, the bot's
    // install); a difference is told, not applied.
    const tenant = await repos.tenants.find(tenantId);
    const differs = (what: string, stored: string | null | undefined, file: string | null | undefined) => {
      if (file !== undefined && (stored ?? null) !== (file ?? null))
        result.ignored.push(`${what} stays "${stored ?? ''}" (not "${file ?? ''}")`);
    };
    differs('the tenant name', tenant?.name, seed.tenant.name);
    differs('the group name', group.name, seed.group.name);
    differs("the group's description", group.description, seed.group.description);
    if (seed.group.m365GroupId) differs("the group's Microsoft 365 group id", group.m365GroupId, seed.group.m365GroupId);
    // The file's organisations by key: the group's organisation of that name, made when it is new.
    const organisationByKey = new Map<string, string>();
    for (const o of seed.organisations) {
      const existing = organisations.find((known) => known.name === o.name);
      const id = existing?.id ?? deps.ids();
      if (!existing) {
        await repos.organisations.save({ id, tenantId, groupId: group.id, name: o.name, kind: o.kind });
        result.organisationsAdded.push(o.name);
      }
      organisationByKey.set(o.key, id);
    }
    for (const p of seed.people) {
      const email = normaliseEmail(p.email);
      const organisationId = p.organisation ? (organisationByKey.get(p.organisation) ?? null) : null;
      const known = await repos.people.findByEmail(tenantId, email);
      const personId = known?.id ?? deps.ids();
      let changed = false;
      if (!known) {
        await repos.people.save({ id: personId, tenantId, aadObjectId: p.aadObjectId, name: p.name, email, organisationId });
      } else {
        if (known.organisationId !== organisationId) {
          await repos.people.save({ ...known, organisationId });
          result.organisationChanged.push(p.name);
          changed = true;
        }
        if (known.name !== p.name) result.ignored.push(`${p.email}: the name stays "${known.name}" (not "${p.name}")`);
      }
      const role = roleOf.get(personId);
      if (role !== p.role) {
        await repos.memberships.save({ tenantId, groupId: group.id, personId, role: p.role });
        (role === undefined ? result.added : result.roleChanged).push(p.name);
        changed = true;
      }
      if (!changed) result.unchanged += 1;
    }
    const changes = result.organisationsAdded.length + result.added.length + result.roleChanged.length + result.organisationChanged.length;
    if (changes > 0) {
      await repos.audit.record({
        tenantId,
        groupId: group.id,
        actorPersonId: null,
        action: 'group.people-synced',
        subject: `group:${group.id}`,
        at: deps.clock.now(),
        detail: {
          added: result.added.length,
          roleChanged: result.roleChanged.length,
          organisations: result.organisationsAdded.length,
        },
      });
    }
    return result;
  });
}
