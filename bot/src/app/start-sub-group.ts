/**
 * A strategist starts a sub-group from an agenda item of one of the group's meetings (held or
 * still to come; not a cancelled one): name, mandate, members, convenor and deadline. It is
 * stored with its members and an audit event in one transaction. A trigger asks for the group's
 * timed work to be planned again, so the convenor's reminder lands on the report-back meeting.
 */
import { checkSubGroup, type SubGroup } from '../domain/sub-group';
import { AppError } from './errors';
import { findMember, isStrategist, notAMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';
import { subGroupRefusal } from './sub-group-problems';
import { describeSubGroup, type SubGroupView } from './sub-group-view';

export interface SubGroupFields {
  name: string;
  mandate: string;
  deadline: string;
  memberPersonIds: string[];
  convenorPersonId: string;
}

export async function startSubGroup(
  deps: { repositories: Repositories; unitOfWork: UnitOfWork; clock: Clock; ids: IdGenerator },
  input: Actor & { groupId: string; agendaItemId: string } & SubGroupFields,
): Promise<SubGroupView> {
  return deps.unitOfWork.transaction(async (repos) => {
    const member = await findMember(repos, input, input.groupId);
    if (!isStrategist(member)) throw new AppError('forbidden', 'Bara hållbarhetsstrategerna kan starta en delgrupp.');
    const { tenantId, id: groupId } = member.group;
    const item = await repos.subGroups.findAgendaItem(tenantId, input.agendaItemId);
    // One answer for an item of another group and one that does not exist.
    if (!item || item.groupId !== groupId) throw notAMember();
    const meeting = await repos.meetings.find(tenantId, item.meetingId);
    if (!meeting) throw notAMember();
    if (meeting.status === 'cancelled')
      throw new AppError('conflict', 'Mötet är inställt: starta delgruppen från en punkt på ett annat möte.');
    const memberships = await repos.memberships.listByGroup(tenantId, groupId);
    const fields = {
      name: input.name.trim(),
      mandate: input.mandate.trim(),
      deadline: input.deadline,
      memberPersonIds: [...new Set(input.memberPersonIds)].sort(),
      convenorPersonId: input.convenorPersonId,
    };
    const problem = checkSubGroup(fields, new Set(memberships.map((m) => m.personId)));
    if (problem) throw subGroupRefusal(problem);
    const now = deps.clock.now();
    const subGroup: SubGroup = {
      id: deps.ids(),
      tenantId,
      groupId,
      ...fields,
      originMeetingId: meeting.id,
      originAgendaItemId: item.id,
      originItemTitle: item.title,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    };
    await repos.subGroups.save(subGroup);
    return record(repos, subGroup, input.personId, now);
  });
}

/** The audit event (counts and which fields, never their text) and the sub-group as the tab shows it. */
export async function record(
  repos: Repositories,
  subGroup: SubGroup,
  actorPersonId: string,
  now: Date,
  fields?: string[],
): Promise<SubGroupView> {
  const { tenantId, groupId } = subGroup;
  const [meetings, people, organisations] = await Promise.all([
    repos.meetings.listByGroup(tenantId, groupId),
    repos.people.listByGroup(tenantId, groupId),
    repos.organisations.listByGroup(tenantId, groupId),
  ]);
  const view = describeSubGroup(subGroup, {
    meetings,
    people: new Map(people.map((p) => [p.id, p])),
    organisations: new Map(organisations.map((o) => [o.id, o])),
    now,
  });
  if (fields?.length === 0) return view;
  await repos.audit.record({
    tenantId,
    groupId,
    actorPersonId,
    action: fields ? 'sub-group.changed' : 'sub-group.started',
    subject: `sub-group:${subGroup.id}`,
    at: now,
    detail: {
      people: subGroup.memberPersonIds.length,
      organisations: view.organisations.filter((o) => o.name !== null).length,
      ...(fields ? { changed: fields } : {}),
    },
  });
  return view;
}
