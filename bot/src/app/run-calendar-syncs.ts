/**
 * Keeps each meeting's Outlook event (organised by the service mailbox, every member invited) in
 * step with the meeting: created
 * when the meeting is planned (Graph's transactionId is the meeting id, so a retried create makes
 * no second event), updated when its time or place changes, cancelled with it; once the kallelse
 * is sent the event carries the agenda and the agenda goes into the group's library as a Word
 * document (Dagordningar/<år>/…). Every change to a meeting asks for this (a database trigger);
 * a change made while a sync runs leaves the meeting due again.
 */
import { describeFailure, documentPath, retryDelayMs } from '../domain/publication';
import { buildKallelseView } from './kallelse-view';
import type { Clock } from './ports/clock';
import type { Logger } from './ports/logger';
import type { MeetingCalendarRow } from './ports/publication-repositories';
import type { DocumentRenderer, DocumentStore, GroupCalendar } from './ports/publishing';
import type { Repositories } from './ports/repositories';

export const CALENDAR_LEASE_MS = 5 * 60_000;

export interface CalendarSyncDeps {
  repositories: Repositories;
  clock: Clock;
  logger: Logger;
  calendar: GroupCalendar;
  documents: DocumentStore;
  renderer: DocumentRenderer;
}

export async function runDueCalendarSyncs(deps: CalendarSyncDeps, limit = 20): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.repositories.meetingCalendar.leaseDue(now, new Date(now.getTime() + CALENDAR_LEASE_MS), limit);
  for (const row of due) await syncOne(deps, row);
  return due.length;
}

async function syncOne(deps: CalendarSyncDeps, row: MeetingCalendarRow): Promise<void> {
  const repos = deps.repositories;
  // Kept across a failure further on: an event created is never forgotten (or made twice).
  let eventId = row.eventId;
  try {
    const [group, meeting] = await Promise.all([
      repos.groups.find(row.tenantId, row.groupId),
      repos.meetings.find(row.tenantId, row.meetingId),
    ]);
    if (!group || !meeting) throw new Error('The meeting could not be read');
    if (meeting.status === 'cancelled') {
      if (eventId) await deps.calendar.cancel(eventId, meeting.title);
    } else {
      const [kallelse, people, memberships] = await Promise.all([
        buildKallelseView(repos, group, meeting, null),
        repos.people.listByGroup(group.tenantId, group.id),
        repos.memberships.listByGroup(group.tenantId, group.id),
      ]);
      const memberIds = new Set(memberships.map((m) => m.personId));
      const attendees = people.filter((p) => memberIds.has(p.id) && p.email).map((p) => ({ name: p.name, email: p.email }));
      const withAgenda = meeting.status !== 'planned';
      eventId = await deps.calendar.put(eventId, { kallelse, attendees, transactionId: meeting.id, withAgenda });
      // The agenda as a document needs the team's library; without it the event still follows.
      if (withAgenda && meeting.status === 'called' && group.m365GroupId) {
        await deps.documents.put(group.m365GroupId, documentPath('Dagordningar', meeting), await deps.renderer.kallelse(kallelse));
      }
    }
    // Synced up to the wish this run was leased for: a later one keeps the meeting due.
    await repos.meetingCalendar.save({ ...row, eventId, syncedAt: row.wantedAt, attempts: 0, lastError: null });
  } catch (error) {
    const attempts = row.attempts + 1;
    const lastError = describeFailure(error);
    const nextAttemptAt = new Date(deps.clock.now().getTime() + retryDelayMs(attempts));
    await repos.meetingCalendar.save({ ...row, eventId, attempts, lastError, nextAttemptAt });
    deps.logger.warn({ meetingId: row.meetingId, attempts, error: lastError }, 'calendar sync failed; will retry');
  }
}
