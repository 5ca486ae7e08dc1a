/**
 * Some days before the meeting a sub-group reports back at (the scheduler's timing): its convenor
 * gets a 1:1 message. The delivery key names the sub-group and the meeting, so re-planning (a
 * meeting moved a day, lead times changed) never sends it twice; a new report-back meeting or a
 * new convenor is told afresh. Nothing goes out when the sub-group has reported, was closed, no
 * longer reports at this meeting, or has no convenor in the group.
 */
import { reportBackMeeting } from '../domain/sub-group';
import { fanOut, noOne, type FanOutReport, type Pacer } from './fan-out';
import type { SendToGroupDeps } from './send-to-group';

export const SUB_GROUP_REMINDER = 'sub-group-reminder';

export async function remindSubGroupConvenor(
  deps: SendToGroupDeps,
  pacer: Pacer,
  input: { tenantId: string; subGroupId: string; meetingId: string },
): Promise<FanOutReport> {
  const repos = deps.repositories;
  const subGroup = await repos.subGroups.find(input.tenantId, input.subGroupId);
  if (!subGroup || subGroup.status !== 'active' || subGroup.convenorPersonId === null) return noOne();
  const [group, meetings, memberships, people] = await Promise.all([
    repos.groups.find(input.tenantId, subGroup.groupId),
    repos.meetings.listByGroup(input.tenantId, subGroup.groupId),
    repos.memberships.listByGroup(input.tenantId, subGroup.groupId),
    repos.people.listByGroup(input.tenantId, subGroup.groupId),
  ]);
  const meeting = reportBackMeeting(subGroup.deadline, meetings);
  if (!group || !meeting || meeting.id !== input.meetingId || meeting.startsAt.getTime() <= deps.clock.now().getTime()) return noOne();
  const convenor = people.find((p) => p.id === subGroup.convenorPersonId);
  if (!convenor || !memberships.some((m) => m.personId === convenor.id)) return noOne();
  const nameById = new Map(people.map((p) => [p.id, p.name]));
  return fanOut(deps, pacer, {
    tenantId: input.tenantId,
    groupId: group.id,
    kind: SUB_GROUP_REMINDER,
    subjectId: `${subGroup.id}:${meeting.id}`,
    notice: {
      kind: 'sub-group-reminder',
      groupName: group.name,
      subGroup: {
        id: subGroup.id,
        name: subGroup.name,
        mandate: subGroup.mandate,
        deadline: subGroup.deadline,
        memberNames: subGroup.memberPersonIds.map((id) => nameById.get(id)).filter((n): n is string => n !== undefined),
      },
      meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
    },
    recipients: [
      {
        target: `person:${convenor.id}`,
        name: convenor.name,
        email: convenor.email,
        conversation: await repos.conversations.findPersonal(input.tenantId, convenor.id),
      },
    ],
  });
}
