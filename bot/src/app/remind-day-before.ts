/**
 * The day before a meeting (the job runner's timing): every member gets the kallelse again with
 * their own answer, and the chair gets a summary — who comes, who sent apologies or a
 * substitute, which förvaltningar will not be represented.
 */
import { describeMeeting } from './describe-meeting';
import { addReports, fanOut, noOne, type FanOutReport, type Pacer } from './fan-out';
import { buildKallelseView } from './kallelse-view';
import { attendanceOverview } from './list-attendance';
import { meetingToSendFor, sendToGroup, type GroupSendInput, type SendToGroupDeps } from './send-to-group';

export const MEETING_REMINDER = 'meeting-reminder';
export const CHAIR_SUMMARY = 'chair-summary';

export async function remindDayBefore(deps: SendToGroupDeps, pacer: Pacer, input: GroupSendInput): Promise<FanOutReport> {
  const repos = deps.repositories;
  const { meeting, group } = await meetingToSendFor(deps, input);
  if (meeting.status === 'cancelled' || meeting.startsAt.getTime() <= deps.clock.now().getTime()) {
    // A job for a meeting that was cancelled or moved has nothing to do: not an error to retry.
    return noOne();
  }
  const [memberships, people] = await Promise.all([
    repos.memberships.listByGroup(input.tenantId, group.id),
    repos.people.listByGroup(input.tenantId, group.id),
  ]);
  const report = await sendToGroup(deps, pacer, {
    by: input.by,
    group,
    kind: MEETING_REMINDER,
    subjectId: meeting.id,
    people: people.filter((p) => memberships.some((m) => m.personId === p.id)),
    toPerson: async (person) => ({
      kind: 'kallelse',
      audience: 'person',
      reminder: true,
      ...(await buildKallelseView(repos, group, meeting, person.id)),
    }),
    toChannel: null,
    audit: { action: 'meeting-reminder.sent' },
  });
  // The chair, while a member; otherwise (no chair, or one who left) the group's strategists.
  const members = people.filter((p) => memberships.some((m) => m.personId === p.id));
  const chair = members.find((p) => p.id === meeting.chairPersonId);
  const readers = chair ? [chair] : members.filter((p) => memberships.some((m) => m.personId === p.id && m.role === 'strategist'));
  if (!chair)
    deps.logger.warn({ groupId: group.id, meetingId: meeting.id }, 'meeting has no chair in the group: summary to the strategists');
  const overview = await attendanceOverview(repos, group, meeting);
  const recipients = [];
  for (const reader of readers) {
    recipients.push({
      target: `person:${reader.id}`,
      name: reader.name,
      email: reader.email,
      conversation: await repos.conversations.findPersonal(input.tenantId, reader.id),
    });
  }
  const toChair = await fanOut(deps, pacer, {
    tenantId: input.tenantId,
    groupId: group.id,
    kind: CHAIR_SUMMARY,
    subjectId: meeting.id,
    notice: {
      kind: 'attendance-summary',
      groupName: group.name,
      meeting: describeMeeting(meeting, new Map(people.map((p) => [p.id, p]))),
      overview,
    },
    recipients,
  });
  return addReports(report, toChair);
}
