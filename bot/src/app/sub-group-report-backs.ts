/**
 * Where the sub-groups' report-backs meet the rest of the app: which meeting each reports at, and
 * the items on that meeting's agenda. A meeting that is held or has its minutes
 * keeps its agenda as it stands: a sub-group marked reported afterwards does not rewrite history.
 */
import type { AgendaItem } from '../domain/agenda-item';
import type { Group } from '../domain/group';
import type { Meeting } from '../domain/meeting';
import { placeReportBacks, reportBackMeeting, reportBacksAt } from '../domain/sub-group';
import { subGroupReminder, type PlannedRun, type TimedWorkSettings } from '../domain/timed-work';
import type { Repositories } from './ports/repositories';

export async function placeSubGroupReportBacks(
  repos: Repositories,
  group: Group,
  meeting: Meeting,
  items: AgendaItem[],
): Promise<{ items: AgendaItem[]; changed: boolean }> {
  // A cancelled meeting only loses report-backs (none is due there): its agenda no longer shows one that moved.
  if (meeting.status !== 'planned' && meeting.status !== 'called' && meeting.status !== 'cancelled') return { items, changed: false };
  const subGroups = await repos.subGroups.listByGroup(group.tenantId, group.id);
  if (subGroups.length === 0) return { items, changed: false };
  const [meetings, memberships] = await Promise.all([
    repos.meetings.listByGroup(group.tenantId, group.id),
    repos.memberships.listByGroup(group.tenantId, group.id),
  ]);
  const reportBacks = reportBacksAt(meeting, subGroups, meetings, new Set(memberships.map((m) => m.personId)));
  return placeReportBacks({
    items,
    meeting,
    reportBacks,
    allSubGroupIds: subGroups.map((s) => s.id),
    template: group.settings.standingItems,
  });
}

/** The convenors' reminders that belong to `meeting`'s plan: one per active sub-group reporting there. */
export async function subGroupReminders(
  repos: Repositories,
  meeting: Meeting,
  settings: Pick<TimedWorkSettings, 'statusRequestDays' | 'sendAt'>,
  now: Date,
): Promise<PlannedRun[]> {
  if (meeting.status !== 'planned' && meeting.status !== 'called') return [];
  const subGroups = (await repos.subGroups.listByGroup(meeting.tenantId, meeting.groupId)).filter(
    (s) => s.status === 'active' && s.convenorPersonId !== null,
  );
  if (subGroups.length === 0) return [];
  const meetings = await repos.meetings.listByGroup(meeting.tenantId, meeting.groupId);
  return subGroups
    .filter((s) => reportBackMeeting(s.deadline, meetings)?.id === meeting.id)
    .map((s) => subGroupReminder(s.id, meeting, settings, now))
    .filter((r): r is PlannedRun => r !== null);
}
