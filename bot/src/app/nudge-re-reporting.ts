/**
 * A week after the minutes were published (the scheduler's timing): delegates and substitutes who
 * have not pressed *Jag har återrapporterat* get the announcement again as a reminder, with the
 * button. Those who have reported back are left in peace.
 */
import { describeMeeting } from './describe-meeting';
import { fanOut, noOne, type FanOutReport, type Pacer } from './fan-out';
import type { SendToGroupDeps } from './send-to-group';

export const RE_REPORTING_NUDGE = 're-reporting-nudge';

export async function nudgeReReporting(
  deps: SendToGroupDeps,
  pacer: Pacer,
  input: { tenantId: string; meetingId: string },
): Promise<FanOutReport> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting || meeting.status !== 'minutes_published') return noOne();
  const [group, versions, memberships, people, reported] = await Promise.all([
    repos.groups.find(input.tenantId, meeting.groupId),
    repos.minutes.listVersions(input.tenantId, meeting.id),
    repos.memberships.listByGroup(input.tenantId, meeting.groupId),
    repos.people.listByGroup(input.tenantId, meeting.groupId),
    repos.reReports.listByMeeting(input.tenantId, meeting.id),
  ]);
  const published = versions.filter((v) => v.status === 'published').at(-1);
  if (!group || !published) return noOne();
  const publication = await repos.publications.find(input.tenantId, meeting.id, published.version);
  const done = new Set(reported.map((r) => r.personId));
  const delegates = people.filter(
    (p) => !done.has(p.id) && memberships.some((m) => m.personId === p.id && (m.role === 'delegate' || m.role === 'substitute')),
  );
  const recipients = [];
  for (const person of delegates) {
    recipients.push({
      target: `person:${person.id}`,
      name: person.name,
      email: person.email,
      conversation: await repos.conversations.findPersonal(input.tenantId, person.id),
    });
  }
  return fanOut(deps, pacer, {
    tenantId: input.tenantId,
    groupId: group.id,
    kind: RE_REPORTING_NUDGE,
    subjectId: meeting.id,
    notice: {
      kind: 'minutes-published',
      audience: 'person',
      reminder: true,
      groupName: group.name,
      meeting: describeMeeting(meeting, new Map(people.map((p) => [p.id, p]))),
      version: published.version,
      correctionOf: published.version > 1 ? published.version - 1 : null,
      documentUrl: publication?.documentUrl ?? null,
      canReport: true,
      reportedAt: null,
    },
    recipients,
  });
}
