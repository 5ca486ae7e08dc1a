/**
 * Publishes the minutes once the chair and one more member have approved the current text: the
 * version is locked for good (a public record), keeps its own copy of the attendance and action
 * lists, and the meeting becomes "minutes published".
 *
 * In the same transaction the publication is written down for the publishing job
 * (run-publications.ts): the document's place in the group's library and who gets the mail —
 * every member with a mail address and the group's extra recipients — so the job can never miss
 * a publication, and the record says who received it.
 */
import { publishMinutes as publishedVersion, reviewState } from '../domain/minutes-review';
import { documentPath, mailBatches, uniqueRecipients } from '../domain/publication';
import { AppError } from './errors';
import type { Actor } from './find-member';
import { settleMeetingAgenda } from './load-meeting-agenda';
import { minutesAccess, requireMinutesWriter } from './minutes-access';
import { buildMinutesRecord } from './minutes-record';
import { readMinutesView, type MinutesWriteDeps } from './read-minutes-view';
import type { MinutesView } from './minutes-view';

export async function publishMinutes(deps: MinutesWriteDeps, input: Actor & { meetingId: string; revision: number }): Promise<MinutesView> {
  const repos = deps.repositories;
  const access = await minutesAccess(repos, input, input.meetingId);
  requireMinutesWriter(access, 'publish the minutes');
  const { meeting, member } = access;
  const now = deps.clock.now();
  if (meeting.status === 'cancelled') throw new AppError('conflict', 'The meeting is cancelled: it has no minutes');
  if (meeting.startsAt.getTime() > now.getTime()) throw new AppError('conflict', 'The meeting has not taken place yet');
  const tenantId = meeting.tenantId;
  const agenda = (await settleMeetingAgenda(deps, member.group, meeting)).items;
  const [people, memberships, organisations] = await Promise.all([
    repos.people.listByGroup(tenantId, meeting.groupId),
    repos.memberships.listByGroup(tenantId, meeting.groupId),
    repos.organisations.listByGroup(tenantId, meeting.groupId),
  ]);

  await deps.unitOfWork.transaction(async (tx) => {
    const latest = await tx.minutes.lockLatest(tenantId, meeting.id);
    if (!latest) throw new AppError('conflict', 'Nothing is written yet to publish');
    if (latest.status === 'published') throw new AppError('conflict', 'These minutes are already published');
    if (latest.revision !== input.revision) throw new AppError('conflict', 'The minutes changed since you read them: read them again');
    const review = reviewState({
      revision: latest.revision,
      approvals: await tx.minutesReview.listApprovals(tenantId, meeting.id, latest.version),
      chairPersonId: meeting.chairPersonId,
      strategistIds: new Set(memberships.filter((m) => m.role === 'strategist').map((m) => m.personId)),
      memberIds: new Set(memberships.map((m) => m.personId)),
    });
    if (!review.publishable) {
      throw new AppError('conflict', "Publishing needs the chair's approval and one more member's, both of the current text");
    }
    const presence = await tx.presence.listByMeeting(tenantId, meeting.id);
    const actions = await tx.actionItems.listByMeeting(tenantId, meeting.id);
    const published = publishedVersion(latest, {
      agenda,
      record: buildMinutesRecord({ people, memberships, organisations, presence, actions }),
      personId: member.person.id,
      now,
    });
    if (!(await tx.minutes.saveIfUnchanged(published, latest.revision))) {
      throw new AppError('conflict', 'The minutes changed since you read them: read them again');
    }
    const current = await tx.meetings.find(tenantId, meeting.id);
    if (current && current.status !== 'minutes_published') await tx.meetings.save({ ...current, status: 'minutes_published' });
    const recipients = uniqueRecipients([
      ...people.filter((p) => memberships.some((m) => m.personId === p.id)).map((p) => ({ personId: p.id, name: p.name, email: p.email })),
      ...(member.group.settings.minutesMailTo ?? []).map((email) => ({ personId: null, name: email, email })),
    ]);
    await tx.publications.create(
      {
        tenantId,
        groupId: meeting.groupId,
        meetingId: meeting.id,
        version: published.version,
        publishedByPersonId: member.person.id,
        createdAt: now,
        recipients,
        documentPath: documentPath('Minnesanteckningar', meeting, published.version),
        documentUrl: null,
        documentStoredAt: null,
        mailedAt: null,
        announcedAt: null,
        completedAt: null,
        attempts: 0,
        lastError: null,
        nextAttemptAt: now,
      },
      mailBatches(recipients, `${meeting.id}/v${published.version}`),
    );
    await tx.audit.record({
      tenantId,
      groupId: meeting.groupId,
      actorPersonId: member.person.id,
      action: 'minutes.published',
      subject: `minutes:${meeting.id}`,
      at: now,
      detail: {
        meetingId: meeting.id,
        version: published.version,
        revision: published.revision,
        correctionOf: published.version > 1 ? published.version - 1 : null,
        recipients: recipients.length,
      },
    });
  });
  deps.signal?.wake();
  return readMinutesView(deps, { ...access, meeting: (await repos.meetings.find(tenantId, meeting.id)) ?? meeting });
}
