/**
 * The day after a meeting's minutes are first published (the scheduler's timing): each delegate
 * of a förvaltning that nobody represented at the last two meetings held gets a message of their
 * own — which meetings were missed, and the next meeting with *Kommer / Kommer inte / Ersättare
 * kommer* to answer at once. Every delegate of the förvaltning gets it (any of them can come or
 * send an ersättare); strategists, ersättare and bolag never do; an unknown meeting (nothing
 * recorded) nudges no one. The rules are `representationNudges`'.
 *
 * Once: the delivery key names the förvaltning and the first meeting of its run of misses, so a
 * run repeated (pg-boss, a restart, the next meeting's minutes while the misses go on) reaches
 * nobody twice; a new run of misses, after the förvaltning was there again, nudges again.
 */
import { nextMeeting } from '../domain/meeting';
import { lastHeldMeetings } from '../domain/representation';
import { NUDGE_LOOKBACK_MEETINGS, representationNudges } from '../domain/representation-nudge';
import { attendanceRecordsOf } from './attendance-records';
import { describeMeeting } from './describe-meeting';
import { addReports, fanOut, noOne, type FanOutReport, type Pacer, type Recipient } from './fan-out';
import type { SendToGroupDeps } from './send-to-group';
import { reachTeamMembers } from './reach-team-members';

export const REPRESENTATION_NUDGE = 'representation-nudge';

export async function nudgeRepresentation(
  deps: SendToGroupDeps,
  pacer: Pacer,
  input: { tenantId: string; meetingId: string },
): Promise<FanOutReport> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting) return noOne();
  const { tenantId, groupId } = meeting;
  const [group, organisations, people, memberships, meetings] = await Promise.all([
    repos.groups.find(tenantId, groupId),
    repos.organisations.listByGroup(tenantId, groupId),
    repos.people.listByGroup(tenantId, groupId),
    repos.memberships.listByGroup(tenantId, groupId),
    repos.meetings.listByGroup(tenantId, groupId),
  ]);
  if (!group) return noOne();
  const now = deps.clock.now();
  const held = lastHeldMeetings(meetings, now, NUDGE_LOOKBACK_MEETINGS);
  const nudges = representationNudges({
    organisations,
    people,
    memberships,
    heldMeetings: held,
    attendance: await attendanceRecordsOf(repos, tenantId, held),
  });
  if (nudges.length === 0) return noOne();

  const peopleById = new Map(people.map((p) => [p.id, p]));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const next = nextMeeting(meetings, now);
  const nextView = next ? describeMeeting(next, peopleById) : null;
  let report = noOne();
  for (const nudge of nudges) {
    const delegates = nudge.delegatePersonIds.map((id) => peopleById.get(id)).filter((p) => p !== undefined);
    await reachTeamMembers(deps, group, delegates);
    const recipients: Recipient[] = [];
    for (const person of delegates) {
      recipients.push({
        target: `person:${person.id}`,
        name: person.name,
        email: person.email,
        conversation: await repos.conversations.findPersonal(tenantId, person.id),
      });
    }
    const organisationName = organisations.find((o) => o.id === nudge.organisationId)?.name ?? '';
    const missed = nudge.missedMeetingIds.flatMap((id) => {
      const m = meetingById.get(id);
      return m ? [{ title: m.title, startsAt: m.startsAt }] : [];
    });
    const sent = await fanOut(deps, pacer, {
      tenantId,
      groupId,
      kind: REPRESENTATION_NUDGE,
      subjectId: `${nudge.runStartedAt}:${nudge.organisationId}`,
      notice: async (recipient) => {
        const answer = next ? await repos.attendance.find(tenantId, next.id, recipient.target.slice('person:'.length)) : null;
        return {
          kind: 'representation-nudge',
          groupName: group.name,
          organisationName,
          missed,
          nextMeeting: nextView,
          answer: answer ? { rsvp: answer.rsvp, substituteName: answer.substituteName } : null,
        };
      },
      recipients,
    });
    report = addReports(report, sent);
  }
  // Counts only: which förvaltning missed is for the tab's Representation, not the change log.
  if (report.sent + report.mailed.length + report.notReached.length > 0) {
    await repos.audit.record({
      tenantId,
      groupId,
      actorPersonId: null,
      action: 'representation.nudged',
      subject: `meeting:${meeting.id}`,
      at: deps.clock.now(),
      detail: { sent: report.sent, mailed: report.mailed.length, notReached: report.notReached.length, organisations: nudges.length },
    });
  }
  return report;
}
