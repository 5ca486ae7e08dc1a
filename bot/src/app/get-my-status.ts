/**
 * "Where do I stand" for one member of one group, for the tab's Översikt: my answer to the next
 * meeting's kallelse, my proposals and what became of them, my open action items, and the latest
 * published minutes. Only the caller's own things: a member never sees another's answer here.
 */
import { nextMeeting } from '../domain/meeting';
import type { ActionStatus } from '../domain/minutes';
import type { Rsvp } from '../domain/attendance';
import { findMember, type Actor } from './find-member';
import { loadProposalContext } from './load-proposal-context';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';
import { describeProposal, type ProposalView } from './proposal-view';

export interface MyStatus {
  nextMeeting: { id: string; rsvp: Rsvp | null; substituteName: string | null } | null;
  proposals: ProposalView[];
  actions: {
    id: string;
    title: string;
    dueDate: string | null;
    status: ActionStatus;
    meeting: { id: string; title: string; startsAt: Date };
  }[];
  latestMinutes: { meetingId: string; title: string; startsAt: Date; version: number; publishedAt: Date } | null;
}

/** The proposals shown: the newest first, a year's worth is plenty for an overview. */
const PROPOSALS_SHOWN = 20;

export async function getMyStatus(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string },
): Promise<MyStatus> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  const { tenantId } = input;
  const group = member.group;
  const context = await loadProposalContext(repos, deps.clock, group);
  const next = nextMeeting(context.meetings, context.now);
  const [answer, mine, latest, owned] = await Promise.all([
    next ? repos.attendance.find(tenantId, next.id, input.personId) : Promise.resolve(null),
    repos.proposals.listByProposer(tenantId, input.personId),
    repos.minutes.listLatestByGroup(tenantId, group.id),
    repos.actionItems.listOpenByOwner(tenantId, input.personId),
  ]);
  const meetingsById = new Map(context.meetings.map((m) => [m.id, m]));
  const published = latest
    .filter((m) => m.status === 'published' && m.publishedAt !== null)
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))[0];
  const publishedMeeting = published ? meetingsById.get(published.meetingId) : undefined;
  // Only this group's: the meetings are the group's.
  const actions = owned
    .flatMap((a) => {
      const meeting = meetingsById.get(a.meetingId);
      return meeting
        ? [
            {
              id: a.id,
              title: a.title,
              dueDate: a.dueDate,
              status: a.status,
              meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt },
            },
          ]
        : [];
    })
    // Soonest due first; those without a date last.
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  return {
    nextMeeting: next ? { id: next.id, rsvp: answer?.rsvp ?? null, substituteName: answer?.substituteName ?? null } : null,
    proposals: mine
      .filter((p) => p.groupId === group.id)
      .slice(0, PROPOSALS_SHOWN)
      .map((p) => describeProposal(p, context)),
    actions,
    latestMinutes:
      published && publishedMeeting && published.publishedAt
        ? {
            meetingId: published.meetingId,
            title: publishedMeeting.title,
            startsAt: publishedMeeting.startsAt,
            version: published.version,
            publishedAt: published.publishedAt,
          }
        : null,
  };
}
