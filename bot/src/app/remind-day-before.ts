/**
 * The day before a meeting (the job runner's timing): every member gets the kallelse again with
 * their own answer, and the chair gets a summary — who comes, who sent apologies or a
 * substitute, which förvaltningar will not be represented.
 */
import { describeMeeting } from './describe-meeting';
import { AppError } from './errors';
import { fanOut, type FanOutReport, type Pacer } from './fan-out';
import { buildKallelseView } from './kallelse-view';
import { listAttendance } from './list-attendance';
import { meetingToSendFor, sendToGroup, type GroupSendInput, type SendToGroupDeps } from './send-to-group';

export const MEETING_REMINDER = 'meeting-reminder';
export const CHAIR_SUMMARY = 'chair-summary';

export async function remindDayBefore(deps: SendToGroupDeps, pacer: Pacer, input: GroupSendInput): Promise<FanOutReport> {
  const repos = deps.repositories;
  const { meeting, group } = await meetingToSendFor(deps, input);
  if (meeting.status === 'cancelled' || meeting.startsAt.getTime() <= deps.clock.now().getTime()) {
    throw new AppError('conflict', 'The meeting is cancelled or has begun');
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
  const chair = meeting.chairPersonId ? people.find((p) => p.id === meeting.chairPersonId) : undefined;
  if (!chair) return report;
  // The summary is read as the chair would read it in the tab: with the chair's own rights.
  const overview = await listAttendance(repos, { tenantId: input.tenantId, personId: chair.id, meetingId: meeting.id });
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
    recipients: [
      {
        target: `person:${chair.id}`,
        name: chair.name,
        email: chair.email,
        conversation: await repos.conversations.findPersonal(input.tenantId, chair.id),
      },
    ],
  });
  return {
    sent: report.sent + toChair.sent,
    alreadySent: report.alreadySent + toChair.alreadySent,
    inProgress: report.inProgress + toChair.inProgress,
    mailed: [...report.mailed, ...toChair.mailed],
    notReached: [...report.notReached, ...toChair.notReached],
  };
}
