/** Reads a meeting's minutes with everything the view shows, for the use cases that answer with it. */
import { loadMeetingAgenda, settleMeetingAgenda } from './load-meeting-agenda';
import type { MinutesAccess } from './minutes-access';
import type { Clock } from './ports/clock';
import type { IdGenerator } from './ports/id-generator';
import type { WorkSignal } from './ports/publishing';
import type { Repositories, UnitOfWork } from './ports/repositories';
import { describeMinutes } from './describe-minutes';
import type { MinutesView } from './minutes-view';

export interface MinutesViewDeps {
  repositories: Repositories;
  clock: Clock;
  ids: IdGenerator;
}

/** What the use cases that change minutes need: every change is stored whole or not at all. */
export interface MinutesWriteDeps extends MinutesViewDeps {
  unitOfWork: UnitOfWork;
  /** Wakes the publishing job after a publication is committed. */
  signal?: WorkSignal;
}

/**
 * Reads everything the view needs. For the minutes' writers the agenda is completed and stored,
 * so its item ids stay put while they write; a reader's look stores nothing.
 */
export async function readMinutesView(deps: MinutesWriteDeps, access: MinutesAccess): Promise<MinutesView> {
  const repos = deps.repositories;
  const { meeting, member } = access;
  const tenantId = meeting.tenantId;
  const versions = await repos.minutes.listVersions(tenantId, meeting.id);
  const latest = versions.at(-1) ?? null;
  const published = latest?.status === 'published';
  const [people, memberships, organisations] = await Promise.all([
    repos.people.listByGroup(tenantId, meeting.groupId),
    repos.memberships.listByGroup(tenantId, meeting.groupId),
    repos.organisations.listByGroup(tenantId, meeting.groupId),
  ]);
  // Published minutes carry their own agenda, attendance and actions; a draft follows the live ones.
  const agenda = published
    ? []
    : (access.canWrite
        ? await settleMeetingAgenda(deps, member.group, meeting)
        : await loadMeetingAgenda(repos, deps.ids, member.group, meeting, { store: false })
      ).items;
  const [presence, actions, approvals, comments, publication] = await Promise.all([
    published ? [] : repos.presence.listByMeeting(tenantId, meeting.id),
    published ? [] : repos.actionItems.listByMeeting(tenantId, meeting.id),
    latest ? repos.minutesReview.listApprovals(tenantId, meeting.id, latest.version) : [],
    latest ? repos.minutesReview.listComments(tenantId, meeting.id, latest.version) : [],
    published && latest ? repos.publications.find(tenantId, meeting.id, latest.version) : null,
  ]);
  return describeMinutes({
    access,
    versions,
    agenda,
    people,
    memberships,
    organisations,
    presence,
    actions,
    approvals,
    comments,
    publication,
    now: deps.clock.now(),
  });
}
