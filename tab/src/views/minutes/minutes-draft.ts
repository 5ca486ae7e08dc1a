/**
 * The minutes as the writer edits them, and the body a save sends. Kept apart from what the
 * service last answered, so an autosave never moves the text under the writer's cursor.
 */
import type { ActionStatus, Minutes, MinutesAction, MinutesDraftBody, Presence } from './minutes-api';

export interface EditableAction {
  id: string;
  agendaItemId: string | null;
  title: string;
  ownerPersonId: string | null;
  /** "" while none is chosen (what a date input holds). */
  dueDate: string;
  status: ActionStatus;
}

export interface EditableMinutes {
  items: Record<string, { notes: string; decision: string }>;
  attendance: Record<string, { presence: Presence | null; substituteForPersonId: string | null }>;
  actions: EditableAction[];
}

/** Which items and people a save covers: the agenda and the members as the service last listed them. */
export interface DraftShape {
  itemIds: string[];
  personIds: string[];
}

export function shapeOf(minutes: Minutes): DraftShape {
  return {
    itemIds: minutes.items.map((item) => item.agendaItemId),
    personIds: minutes.attendance.flatMap((group) => group.people.map((p) => p.personId)),
  };
}

const editableAction = (action: MinutesAction): EditableAction => ({
  id: action.id,
  agendaItemId: action.agendaItemId,
  title: action.title,
  ownerPersonId: action.owner?.id ?? null,
  dueDate: action.dueDate ?? '',
  status: action.status,
});

export function editableFrom(minutes: Minutes): EditableMinutes {
  return {
    items: Object.fromEntries(minutes.items.map((item) => [item.agendaItemId, { notes: item.notes, decision: item.decision }])),
    attendance: Object.fromEntries(
      minutes.attendance.flatMap((group) =>
        group.people.map((p) => [p.personId, { presence: p.presence, substituteForPersonId: p.substituteForPersonId }] as const),
      ),
    ),
    actions: [...minutes.items.flatMap((item) => item.actions), ...minutes.otherActions].map(editableAction),
  };
}

/**
 * The save body. An action with no text yet stays on screen but is not sent (the service needs a
 * title); a substitute not yet said to stand in for anyone is sent as present, which they are.
 */
export function draftBody(editable: EditableMinutes, shape: DraftShape, revision: number): MinutesDraftBody {
  return {
    revision,
    items: shape.itemIds.map((agendaItemId) => ({
      agendaItemId,
      notes: editable.items[agendaItemId]?.notes ?? '',
      decision: editable.items[agendaItemId]?.decision ?? '',
    })),
    attendance: shape.personIds.map((personId) => {
      const mark = editable.attendance[personId];
      const presence = mark?.presence ?? null;
      if (presence === 'substitute' && !mark?.substituteForPersonId) return { personId, presence: 'present', substituteForPersonId: null };
      return { personId, presence, substituteForPersonId: presence === 'substitute' ? (mark?.substituteForPersonId ?? null) : null };
    }),
    actions: editable.actions
      .filter((action) => action.title.trim() !== '')
      .map((action) => ({
        id: action.id,
        agendaItemId: action.agendaItemId,
        title: action.title,
        ownerPersonId: action.ownerPersonId,
        dueDate: action.dueDate === '' ? null : action.dueDate,
        status: action.status,
      })),
  };
}

/** What a save would store, without the revision: equal keys mean nothing to save. */
export function contentKey(body: MinutesDraftBody): string {
  const { revision: _revision, ...content } = body;
  return JSON.stringify(content);
}
