/**
 * A meeting's agenda as it stands (see domain/agenda-item.ts composeAgenda): what the agenda
 * builder edits, what the kallelse lists and what minutes are taken against. With `store`, an
 * agenda that had to be completed (a new meeting, a proposal accepted since) is saved, so its
 * items keep their ids from then on; reads for a kallelse or a card do not write.
 */
import { agendaRevision, composeAgenda, type AgendaItem } from '../domain/agenda-item';
import type { Group } from '../domain/group';
import type { Meeting } from '../domain/meeting';
import type { IdGenerator } from './ports/id-generator';
import type { Repositories, UnitOfWork } from './ports/repositories';
import { placeSubGroupReportBacks } from './sub-group-report-backs';

export interface LoadedAgenda {
  items: AgendaItem[];
  revision: string;
}

/**
 * The agenda completed and stored in a transaction of its own, under the meeting's lock: for the
 * writers of the minutes, who need item ids that stay put.
 */
export function settleMeetingAgenda(
  deps: { unitOfWork: UnitOfWork; ids: IdGenerator },
  group: Group,
  meeting: Meeting,
): Promise<LoadedAgenda> {
  return deps.unitOfWork.transaction((tx) => loadMeetingAgenda(tx, deps.ids, group, meeting, { store: true }));
}

export async function loadMeetingAgenda(
  repos: Repositories,
  ids: IdGenerator,
  group: Group,
  meeting: Meeting,
  options: { store: boolean },
): Promise<LoadedAgenda> {
  if (options.store) await repos.meetings.lock(group.tenantId, meeting.id);
  const [stored, accepted] = await Promise.all([
    repos.agendaItems.listByMeeting(group.tenantId, meeting.id),
    repos.proposals.listByGroup(group.tenantId, group.id, { meetingId: meeting.id, statuses: ['accepted'] }),
  ]);
  const composed = composeAgenda({
    tenantId: group.tenantId,
    groupId: group.id,
    meetingId: meeting.id,
    stored,
    accepted,
    template: group.settings.standingItems,
    newId: ids,
  });
  // Sub-groups' report-backs (återrapportering) due at this meeting, each once.
  const placed = await placeSubGroupReportBacks(repos, group, meeting, composed.items);
  const items = placed.items;
  const changed = composed.changed || placed.changed;
  if (changed && options.store) await repos.agendaItems.replaceForMeeting(group.tenantId, meeting.id, items);
  return { items, revision: agendaRevision(items) };
}
