/**
 * The group at a glance, as the tab's first view shows it: the group, the caller's role, the next
 * meeting with its chair, and the year plan. Only members of the group may see it.
 */
import type { Role } from '../domain/membership';
import { nextMeeting } from '../domain/meeting';
import { fromStockholm, toStockholm } from '../domain/stockholm-time';
import { describeMeeting, type MeetingView } from './describe-meeting';
import { AppError } from './errors';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export interface GroupOverviewInput {
  tenantId: string;
  groupId: string;
  personId: string;
  /** The year plan to show; by default the year of the next meeting (or this year when none is planned). */
  year?: number;
}

export interface GroupOverview {
  group: {
    id: string;
    name: string;
    description: string;
    committeeName: string;
    /** The public body (tenant) that runs the service: named in the accessibility statement. */
    tenantName: string;
    /** Where to report accessibility problems; null when the group has not set one. */
    accessibilityContact: string | null;
  };
  role: Role;
  year: number;
  nextMeeting: MeetingView | null;
  yearPlan: MeetingView[];
}

export async function getGroupOverview(
  deps: { repositories: Repositories; clock: Clock },
  input: GroupOverviewInput,
): Promise<GroupOverview> {
  const repos = deps.repositories;
  const memberships = await repos.memberships.listByPerson(input.tenantId, input.personId);
  const membership = memberships.find((m) => m.groupId === input.groupId);
  const group = membership ? await repos.groups.find(input.tenantId, input.groupId) : null;
  if (!membership || !group) {
    // Same answer whether the group is missing or someone else's: no probing for ids.
    throw new AppError('forbidden', 'Not a member of this group');
  }
  const [meetings, people, tenant] = await Promise.all([
    repos.meetings.listByGroup(input.tenantId, group.id),
    repos.people.listByGroup(input.tenantId, group.id),
    repos.tenants.find(input.tenantId),
  ]);
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const now = deps.clock.now();
  const next = nextMeeting(meetings, now);
  const year = input.year ?? toStockholm(next?.startsAt ?? now).year;
  const yearStart = fromStockholm({ year, month: 1, day: 1, hour: 0, minute: 0 });
  const yearEnd = fromStockholm({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0 });
  return {
    group: {
      id: group.id,
      name: group.name,
      description: group.description,
      committeeName: group.settings.committeeName,
      tenantName: tenant?.name ?? '',
      accessibilityContact: group.settings.accessibilityContact ?? null,
    },
    role: membership.role,
    year,
    nextMeeting: next ? describeMeeting(next, peopleById) : null,
    yearPlan: meetings.filter((m) => m.startsAt >= yearStart && m.startsAt < yearEnd).map((m) => describeMeeting(m, peopleById)),
  };
}
