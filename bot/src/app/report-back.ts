/**
 * *Jag har återrapporterat*: a delegate has taken the published minutes back to their
 * förvaltning. Only delegates and substitutes of the meeting's group, only once the minutes are published; a
 * second press keeps the first time. Answers the announcement as that member should now see it.
 */
import { describeMeeting } from './describe-meeting';
import { AppError } from './errors';
import { findMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { MinutesPublishedNotice } from './ports/messenger';
import type { Repositories } from './ports/repositories';

/** The refusal's message, so a door can tell it from "not a member" and say so in its words. */
export const ONLY_DELEGATES = 'Only delegates report the minutes back to their administration';

export async function reportBack(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { meetingId: string },
): Promise<MinutesPublishedNotice> {
  const repos = deps.repositories;
  const meeting = await repos.meetings.find(input.tenantId, input.meetingId);
  if (!meeting) throw new AppError('forbidden', 'No such meeting for this caller');
  const member = await findMember(repos, input, meeting.groupId);
  // Delegates (and substitutes) report back to their förvaltning; the card offers no one else the button.
  if (member.membership.role !== 'delegate' && member.membership.role !== 'substitute') {
    throw new AppError('forbidden', ONLY_DELEGATES);
  }
  const versions = await repos.minutes.listVersions(input.tenantId, meeting.id);
  const published = versions.filter((v) => v.status === 'published').at(-1);
  if (!published) throw new AppError('conflict', 'The minutes are not published yet');
  const reportedAt = await repos.reReports.record(input.tenantId, meeting.groupId, meeting.id, member.person.id, deps.clock.now());
  const publication = await repos.publications.find(input.tenantId, meeting.id, published.version);
  const people = await repos.people.listByGroup(input.tenantId, meeting.groupId);
  return {
    kind: 'minutes-published',
    audience: 'person',
    groupName: member.group.name,
    meeting: describeMeeting(meeting, new Map(people.map((p) => [p.id, p]))),
    version: published.version,
    correctionOf: published.version > 1 ? published.version - 1 : null,
    documentUrl: publication?.documentUrl ?? null,
    canReport: true,
    reportedAt,
  };
}
