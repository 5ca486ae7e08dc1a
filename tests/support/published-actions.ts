/**
 * Actions decided at the demo group's meetings, as if their minutes were published: what the
 * *Åtgärder* tests list, filter and change. Each action's organisation is its owner's, as the
 * minutes store it.
 */
import type { Meeting } from '../../bot/src/domain/meeting';
import type { ActionItem } from '../../bot/src/domain/minutes';
import type { DemoGroup } from './demo-group';

export interface ActionSpec {
  id: string;
  owner: string;
  status: ActionItem['status'];
  dueDate: string | null;
}

/** Stores each meeting's actions; `published` meetings get their minutes marked published. */
export async function addActions(demo: DemoGroup, meeting: Meeting, specs: ActionSpec[], published: boolean): Promise<void> {
  const repos = demo.migrated.storage.repositories;
  const people = await repos.people.listByGroup(demo.tenantId, demo.groupId);
  const items = specs.map((spec, index): ActionItem => ({
    id: spec.id,
    tenantId: demo.tenantId,
    groupId: demo.groupId,
    meetingId: meeting.id,
    agendaItemId: null,
    position: index + 1,
    title: `Åtgärd ${spec.id}`,
    ownerPersonId: demo.people.get(spec.owner)!,
    organisationId: people.find((p) => p.name === spec.owner)!.organisationId,
    dueDate: spec.dueDate,
    status: spec.status,
    createdAt: meeting.startsAt,
    updatedAt: meeting.startsAt,
  }));
  await repos.actionItems.replaceForMeeting(demo.tenantId, meeting.id, items);
  if (published) await repos.meetings.save({ ...meeting, status: 'minutes_published' });
}
