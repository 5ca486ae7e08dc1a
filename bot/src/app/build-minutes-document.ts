/**
 * The view the Word document and the mail are rendered from, read from one published version:
 * its own copy of the agenda text, the attendance and the action list, so the document says what
 * was published even when it is rendered again after a crash, days later.
 */
import type { Group } from '../domain/group';
import { nextMeeting, type Meeting } from '../domain/meeting';
import { describeMeeting } from './describe-meeting';
import { groupAttendance, recordedActionView } from './describe-minutes';
import type { MinutesDocumentView } from './minutes-document-view';
import type { Repositories } from './ports/repositories';

export async function buildMinutesDocument(
  repos: Repositories,
  group: Group,
  meeting: Meeting,
  version: number,
): Promise<MinutesDocumentView | null> {
  const tenantId = meeting.tenantId;
  const [versions, people, memberships, organisations, meetings] = await Promise.all([
    repos.minutes.listVersions(tenantId, meeting.id),
    repos.people.listByGroup(tenantId, group.id),
    repos.memberships.listByGroup(tenantId, group.id),
    repos.organisations.listByGroup(tenantId, group.id),
    repos.meetings.listByGroup(tenantId, group.id),
  ]);
  const minutes = versions.find((v) => v.version === version);
  if (!minutes || minutes.status !== 'published' || !minutes.publishedAt) return null;
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const roleOf = new Map(memberships.map((m) => [m.personId, m.role]));
  const record = minutes.body.record ?? { attendance: [], actions: [] };
  const actions = record.actions.map(recordedActionView);
  const items = minutes.body.items.map((item, index) => ({
    position: index + 1,
    title: item.title,
    notes: item.notes,
    decision: item.decision,
    actions: actions.filter((a) => a.agendaItemId === item.agendaItemId),
  }));
  const itemIds = new Set(minutes.body.items.map((i) => i.agendaItemId));
  const publisher = minutes.publishedByPersonId ? peopleById.get(minutes.publishedByPersonId) : undefined;
  const next = nextMeeting(
    meetings.filter((m) => m.id !== meeting.id),
    new Date(meeting.startsAt.getTime() + 1),
  );
  return {
    groupName: group.name,
    meeting: describeMeeting(meeting, peopleById),
    version,
    correctionOf: version > 1 ? version - 1 : null,
    publishedAt: minutes.publishedAt,
    publishedBy: publisher ? { id: publisher.id, name: publisher.name } : null,
    items,
    otherActions: actions.filter((a) => a.agendaItemId === null || !itemIds.has(a.agendaItemId)),
    attendance: groupAttendance(
      record.attendance.map((row) => ({ ...row, role: roleOf.get(row.personId) ?? null })),
      organisations,
    ),
    nextMeeting: next ? describeMeeting(next, peopleById) : null,
  };
}
