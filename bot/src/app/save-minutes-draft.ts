/**
 * Autosave of the minutes being written: the text per agenda item, who was there and the action
 * list, stored together in one transaction. The writer sends the revision they started from; if
 * someone saved in between, nothing is written and the writer gets the current minutes to decide
 * what to keep. A save that changes nothing keeps the revision (and so the approvals).
 */
import { type ActionItem, type MinutesDraft } from '../domain/minutes';
import {
  actionPositions,
  bodyFromDraft,
  checkMinutesDraft,
  draftFingerprint,
  normaliseDraft,
  storedDraft,
  type MinutesProblem,
} from '../domain/minutes-draft';
import { emptyMinutes, startsEditSession } from '../domain/minutes-review';
import { AppError } from './errors';
import type { Actor } from './find-member';
import { settleMeetingAgenda } from './load-meeting-agenda';
import { minutesAccess, requireMinutesWriter } from './minutes-access';
import { readMinutesView, type MinutesWriteDeps } from './read-minutes-view';
import type { MinutesView } from './minutes-view';

export type SaveMinutesResult = { kind: 'saved'; minutes: MinutesView } | { kind: 'stale'; current: MinutesView };

export async function saveMinutesDraft(
  deps: MinutesWriteDeps,
  input: Actor & { meetingId: string; revision: number; draft: MinutesDraft },
): Promise<SaveMinutesResult> {
  const repos = deps.repositories;
  const access = await minutesAccess(repos, input, input.meetingId);
  requireMinutesWriter(access, 'write the minutes');
  const { meeting, member } = access;
  if (meeting.status === 'cancelled') throw new AppError('conflict', 'The meeting is cancelled: it has no minutes');
  const tenantId = meeting.tenantId;
  const agenda = (await settleMeetingAgenda(deps, member.group, meeting)).items;
  const [people, memberships] = await Promise.all([
    repos.people.listByGroup(tenantId, meeting.groupId),
    repos.memberships.listByGroup(tenantId, meeting.groupId),
  ]);
  const memberIds = new Set(memberships.map((m) => m.personId));
  const now = deps.clock.now();

  const outcome = await deps.unitOfWork.transaction(async (tx): Promise<'saved' | 'unchanged' | 'stale'> => {
    const latest = await tx.minutes.lockLatest(tenantId, meeting.id);
    if (latest?.status === 'published') {
      throw new AppError('conflict', 'These minutes are published and locked: start a correction (a new version) to change them');
    }
    const current = latest ?? emptyMinutes(meeting, now);
    if (current.revision !== input.revision) return 'stale';
    const agendaItemIds = new Set(agenda.map((item) => item.id));
    const itemIds = new Set([...agendaItemIds, ...current.body.items.map((item) => item.agendaItemId)]);
    const problem = checkMinutesDraft(input.draft, { itemIds, agendaItemIds, memberIds });
    if (problem) throw new AppError('invalid', describeProblem(problem));
    const draft = normaliseDraft(input.draft);

    const presence = await tx.presence.listByMeeting(tenantId, meeting.id);
    const actions = await tx.actionItems.listByMeeting(tenantId, meeting.id);
    // Compared over the people the writer sent: a former member's old mark is not a change.
    const sentPeople = new Set(draft.attendance.map((mark) => mark.personId));
    const before = storedDraft({ body: latest?.body ?? null, presence: presence.filter((p) => sentPeople.has(p.personId)), actions });
    if (draftFingerprint(before) === draftFingerprint(draft)) return 'unchanged';

    const next = {
      ...current,
      revision: current.revision + 1,
      body: bodyFromDraft(draft, agenda, latest?.body ?? null),
      updatedAt: now,
      updatedByPersonId: member.person.id,
    };
    const written = latest ? await tx.minutes.saveIfUnchanged(next, current.revision) : await tx.minutes.insert(next);
    if (!written) return 'stale';
    await tx.presence.record(tenantId, meeting.groupId, meeting.id, draft.attendance);
    const positions = actionPositions(draft.actions);
    const organisationOf = new Map(people.map((p) => [p.id, p.organisationId]));
    const existing = new Map(actions.map((a) => [a.id, a]));
    const items: ActionItem[] = draft.actions.map((action) => ({
      id: action.id,
      tenantId,
      groupId: meeting.groupId,
      meetingId: meeting.id,
      agendaItemId: action.agendaItemId,
      position: positions.get(action.id) ?? 1,
      title: action.title,
      ownerPersonId: action.ownerPersonId,
      // Followed up per förvaltning: the owner's organisation.
      organisationId: action.ownerPersonId ? (organisationOf.get(action.ownerPersonId) ?? null) : null,
      dueDate: action.dueDate,
      status: action.status,
      createdAt: existing.get(action.id)?.createdAt ?? now,
      updatedAt: now,
    }));
    if (!(await tx.actionItems.replaceForMeeting(tenantId, meeting.id, items))) {
      throw new AppError('invalid', 'An action id is already used elsewhere: reload the minutes and add the action again');
    }
    // Autosave runs every few seconds while someone types: one audit event per editing session.
    if (startsEditSession(latest, member.person.id, now)) {
      await tx.audit.record({
        tenantId,
        groupId: meeting.groupId,
        actorPersonId: member.person.id,
        action: 'minutes.edited',
        subject: `minutes:${meeting.id}`,
        at: now,
        detail: { meetingId: meeting.id, version: next.version, revision: next.revision },
      });
    }
    return 'saved';
  });

  const view = await readMinutesView(deps, access);
  return outcome === 'stale' ? { kind: 'stale', current: view } : { kind: 'saved', minutes: view };
}

/** For the API's 422: which part of the draft, and the limit. */
function describeProblem(problem: MinutesProblem): string {
  switch (problem.code) {
    case 'too_many_items':
      return `At most ${problem.max} items`;
    case 'unknown_item':
      return `Item ${problem.agendaItemId} is not on this meeting's agenda`;
    case 'duplicate_item':
      return `Item ${problem.agendaItemId} is sent twice`;
    case 'notes_too_long':
      return `The notes of item ${problem.agendaItemId} are longer than ${problem.max} characters`;
    case 'decision_too_long':
      return `The decision of item ${problem.agendaItemId} is longer than ${problem.max} characters`;
    case 'text_too_long':
      return `The minutes are longer than ${problem.max} characters in all`;
    case 'too_many_actions':
      return `At most ${problem.max} actions`;
    case 'too_many_actions_on_item':
      return `At most ${problem.max} actions under one item`;
    case 'duplicate_action':
      return `Action ${problem.index + 1} is sent twice`;
    case 'action_item_unknown':
      return `Action ${problem.index + 1} is under an item that is not on the agenda`;
    case 'bad_action_title':
      return `Action ${problem.index + 1} needs a title of at most ${problem.max} characters`;
    case 'bad_due_date':
      return `Action ${problem.index + 1} has a due date that is not a date (YYYY-MM-DD)`;
    case 'owner_not_member':
      return `The owner of action ${problem.index + 1} is not a member of the group`;
    case 'too_many_people':
      return `At most ${problem.max} people in the attendance list`;
    case 'not_member':
      return `Person ${problem.personId} is not a member of the group`;
    case 'duplicate_person':
      return `Person ${problem.personId} is listed twice`;
    case 'bad_substitute':
      return `Person ${problem.personId}: a substitute stands in for another member of the group, named exactly when present as substitute`;
  }
}
