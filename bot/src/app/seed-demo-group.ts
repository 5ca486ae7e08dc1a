/**
 * Puts a whole group in place from seed data — organisations, people, roles, goals and a year of
 * meetings for each year asked for — in one transaction. Running it again finds the group and changes nothing, so the
 * local start can call it every time and keep what users did since.
 */
import type { GoalFramework } from '../domain/goal';
import type { GroupSettings } from '../domain/group';
import type { Role } from '../domain/membership';
import type { OrganisationKind } from '../domain/organisation';
import { normaliseEmail } from '../domain/person';
import type { YearPlanPattern } from '../domain/year-plan';
import { planMeetingYear } from './plan-year';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';

export interface GroupSeed {
  tenant: { id: string; name: string };
  group: { name: string; description: string; teamId: string | null; m365GroupId?: string | null; settings: GroupSettings };
  organisations: { key: string; name: string; kind: OrganisationKind }[];
  people: { name: string; email: string; aadObjectId: string | null; organisation: string | null; role: Role }[];
  goals: { framework: GoalFramework; number: number; name: string }[];
  meetings: {
    pattern: Omit<YearPlanPattern, 'year'>;
    place: string;
    onlineUrl: string | null;
    titlePrefix: string;
  };
}

export type SeedResult = { created: true; groupId: string; meetings: number } | { created: false; groupId: string };

export async function seedDemoGroup(
  deps: { unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator },
  seed: GroupSeed,
  years: readonly number[],
  /** Plan no meeting before this (a real group set up mid-year); the demo plans whole years. */
  from?: Date,
): Promise<SeedResult> {
  return deps.unitOfWork.transaction(async (repos) => {
    const tenantId = seed.tenant.id;
    const existing = await findSeededGroup(repos, seed);
    if (existing) return { created: false, groupId: existing.id };

    await repos.tenants.save(seed.tenant);
    const groupId = deps.ids();
    await repos.groups.save({ id: groupId, tenantId, ...seed.group });

    const organisationIds = new Map<string, string>();
    for (const org of seed.organisations) {
      const id = deps.ids();
      organisationIds.set(org.key, id);
      await repos.organisations.save({ id, tenantId, groupId, name: org.name, kind: org.kind });
    }
    for (const p of seed.people) {
      const email = normaliseEmail(p.email);
      // A person may already exist in the tenant through another group: reuse, never duplicate.
      const known = await repos.people.findByEmail(tenantId, email);
      const personId = known?.id ?? deps.ids();
      if (!known) {
        const organisationId = p.organisation ? (organisationIds.get(p.organisation) ?? null) : null;
        await repos.people.save({ id: personId, tenantId, aadObjectId: p.aadObjectId, name: p.name, email, organisationId });
      }
      await repos.memberships.save({ tenantId, groupId, personId, role: p.role });
    }
    for (const goal of seed.goals) {
      // The global goals and the miljökvalitetsmål are shared; local goals belong to the group.
      await repos.goals.save({ id: deps.ids(), tenantId, groupId: goal.framework === 'local' ? groupId : null, ...goal });
    }
    let meetings = 0;
    for (const year of [...years].sort((a, b) => a - b)) {
      const planned = await planMeetingYear(
        { repositories: repos, clock: deps.clock, ids: deps.ids },
        {
          tenantId,
          groupId,
          actorPersonId: null,
          pattern: { ...seed.meetings.pattern, year },
          place: seed.meetings.place,
          onlineUrl: seed.meetings.onlineUrl,
          durationMinutes: seed.group.settings.meetingMinutes,
          titlePrefix: seed.meetings.titlePrefix,
          ...(from ? { from } : {}),
        },
      );
      meetings += planned.length;
    }
    await repos.audit.record({
      tenantId,
      groupId,
      actorPersonId: null,
      action: 'group.seeded',
      subject: `group:${groupId}`,
      at: deps.clock.now(),
      detail: { people: seed.people.length, organisations: seed.organisations.length },
    });
    return { created: true, groupId, meetings };
  });
}

/**
 * The group a seed or group file describes, if it is there: by its team first (a renamed group is
 * still the team's group, and a second group on one team is refused by the database), then by name.
 */
export async function findSeededGroup(repos: Repositories, seed: Pick<GroupSeed, 'tenant' | 'group'>) {
  const byTeam = seed.group.teamId ? await repos.groups.findByTeamId(seed.tenant.id, seed.group.teamId) : null;
  return byTeam ?? (await repos.groups.findByName(seed.tenant.id, seed.group.name));
}
