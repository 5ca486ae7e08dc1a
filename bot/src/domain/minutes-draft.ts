/**
 * The text of a meeting's minutes as writers send it (minutes.ts has the shapes): what a draft
 * may hold, its normal form, when a save is a change, and the body stored from it.
 */
import {
  MINUTES_LIMITS,
  type PresenceMark,
  type ActionItem,
  type ActionItemDraft,
  type MinutesRecord,
  type MinutesBody,
  type MinutesDraft,
} from './minutes';

export type MinutesProblem =
  | { code: 'too_many_items'; max: number }
  | { code: 'unknown_item'; agendaItemId: string }
  | { code: 'duplicate_item'; agendaItemId: string }
  | { code: 'notes_too_long'; agendaItemId: string; max: number }
  | { code: 'decision_too_long'; agendaItemId: string; max: number }
  | { code: 'text_too_long'; max: number }
  | { code: 'too_many_actions'; max: number }
  | { code: 'too_many_actions_on_item'; agendaItemId: string | null; max: number }
  | { code: 'duplicate_action'; index: number }
  | { code: 'action_item_unknown'; index: number }
  | { code: 'bad_action_title'; index: number; max: number }
  | { code: 'bad_due_date'; index: number }
  | { code: 'owner_not_member'; index: number }
  | { code: 'too_many_people'; max: number }
  | { code: 'not_member'; personId: string }
  | { code: 'duplicate_person'; personId: string }
  | { code: 'bad_substitute'; personId: string };

const length = (text: string): number => [...text].length;

/** Line ends as the web sends them either way; stored as "\n". */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A real calendar date written "YYYY-MM-DD". */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks a draft against the meeting: items on its agenda (or kept from before), actions under
 * an agenda item (or none), owners and attendance among the group's members.
 */
export function checkMinutesDraft(
  draft: MinutesDraft,
  context: {
    /** Items that may carry notes: the agenda's, and those the stored draft kept. */
    itemIds: ReadonlySet<string>;
    /** Items an action may sit under: the current agenda's. */
    agendaItemIds: ReadonlySet<string>;
    memberIds: ReadonlySet<string>;
  },
): MinutesProblem | null {
  if (draft.items.length > MINUTES_LIMITS.itemsMax) return { code: 'too_many_items', max: MINUTES_LIMITS.itemsMax };
  const seenItems = new Set<string>();
  let total = 0;
  for (const item of draft.items) {
    if (!context.itemIds.has(item.agendaItemId)) return { code: 'unknown_item', agendaItemId: item.agendaItemId };
    if (seenItems.has(item.agendaItemId)) return { code: 'duplicate_item', agendaItemId: item.agendaItemId };
    seenItems.add(item.agendaItemId);
    const notes = length(normaliseText(item.notes));
    const decision = length(normaliseText(item.decision));
    if (notes > MINUTES_LIMITS.notesMax) return { code: 'notes_too_long', agendaItemId: item.agendaItemId, max: MINUTES_LIMITS.notesMax };
    if (decision > MINUTES_LIMITS.decisionMax) {
      return { code: 'decision_too_long', agendaItemId: item.agendaItemId, max: MINUTES_LIMITS.decisionMax };
    }
    total += notes + decision;
  }
  if (total > MINUTES_LIMITS.textTotalMax) return { code: 'text_too_long', max: MINUTES_LIMITS.textTotalMax };

  if (draft.actions.length > MINUTES_LIMITS.actionsMax) return { code: 'too_many_actions', max: MINUTES_LIMITS.actionsMax };
  const seenActions = new Set<string>();
  const perItem = new Map<string | null, number>();
  for (const [index, action] of draft.actions.entries()) {
    if (seenActions.has(action.id)) return { code: 'duplicate_action', index };
    seenActions.add(action.id);
    if (action.agendaItemId !== null && !context.agendaItemIds.has(action.agendaItemId)) return { code: 'action_item_unknown', index };
    const count = (perItem.get(action.agendaItemId) ?? 0) + 1;
    if (count > MINUTES_LIMITS.actionsPerItemMax) {
      return { code: 'too_many_actions_on_item', agendaItemId: action.agendaItemId, max: MINUTES_LIMITS.actionsPerItemMax };
    }
    perItem.set(action.agendaItemId, count);
    const title = action.title.trim();
    if (title === '' || length(title) > MINUTES_LIMITS.actionTitleMax) {
      return { code: 'bad_action_title', index, max: MINUTES_LIMITS.actionTitleMax };
    }
    if (action.dueDate !== null && !isCalendarDate(action.dueDate)) return { code: 'bad_due_date', index };
    if (action.ownerPersonId !== null && !context.memberIds.has(action.ownerPersonId)) return { code: 'owner_not_member', index };
  }

  if (draft.attendance.length > MINUTES_LIMITS.attendanceMax) return { code: 'too_many_people', max: MINUTES_LIMITS.attendanceMax };
  const seenPeople = new Set<string>();
  for (const mark of draft.attendance) {
    if (!context.memberIds.has(mark.personId)) return { code: 'not_member', personId: mark.personId };
    if (seenPeople.has(mark.personId)) return { code: 'duplicate_person', personId: mark.personId };
    seenPeople.add(mark.personId);
    const substitute = mark.presence === 'substitute';
    if (substitute !== (mark.substituteForPersonId !== null)) return { code: 'bad_substitute', personId: mark.personId };
    if (
      mark.substituteForPersonId !== null &&
      (mark.substituteForPersonId === mark.personId || !context.memberIds.has(mark.substituteForPersonId))
    ) {
      return { code: 'bad_substitute', personId: mark.personId };
    }
  }
  return null;
}

/**
 * The draft as it will be stored: line ends normalised, action titles trimmed, items without
 * any text dropped (an empty item is the same as no item).
 */
export function normaliseDraft(draft: MinutesDraft): MinutesDraft {
  return {
    items: draft.items
      .map((item) => ({ agendaItemId: item.agendaItemId, notes: normaliseText(item.notes), decision: normaliseText(item.decision) }))
      .filter((item) => item.notes.trim() !== '' || item.decision.trim() !== ''),
    attendance: draft.attendance.map((mark) => ({
      personId: mark.personId,
      presence: mark.presence,
      substituteForPersonId: mark.presence === 'substitute' ? mark.substituteForPersonId : null,
    })),
    actions: draft.actions.map((action) => ({ ...action, title: action.title.trim() })),
  };
}

/** The position each action of a (normalised) draft gets under its agenda item. */
export function actionPositions(actions: readonly ActionItemDraft[]): Map<string, number> {
  const counters = new Map<string | null, number>();
  const positions = new Map<string, number>();
  for (const action of actions) {
    const next = (counters.get(action.agendaItemId) ?? 0) + 1;
    counters.set(action.agendaItemId, next);
    positions.set(action.id, next);
  }
  return positions;
}

/**
 * A fingerprint of what the minutes say, to tell a save that changes something from one that
 * does not (which keeps the revision, and so the approvals). Order of items and people does not
 * matter; the order of actions under an item does.
 */
export function draftFingerprint(draft: MinutesDraft): string {
  const items = [...draft.items]
    .filter((item) => item.notes.trim() !== '' || item.decision.trim() !== '')
    .sort((a, b) => a.agendaItemId.localeCompare(b.agendaItemId))
    .map((item) => [item.agendaItemId, item.notes, item.decision]);
  const attendance = draft.attendance
    .filter((mark) => mark.presence !== null)
    .sort((a, b) => a.personId.localeCompare(b.personId))
    .map((mark) => [mark.personId, mark.presence, mark.substituteForPersonId]);
  const positions = actionPositions(draft.actions);
  const actions = [...draft.actions]
    .sort((a, b) => (a.agendaItemId ?? '').localeCompare(b.agendaItemId ?? '') || (positions.get(a.id) ?? 0) - (positions.get(b.id) ?? 0))
    .map((a) => [a.id, a.agendaItemId, a.title, a.ownerPersonId, a.dueDate, a.status]);
  return JSON.stringify({ items, attendance, actions });
}

/**
 * The draft the stored minutes say, for comparing: the body's text, the attendance marks
 * noted, and the action list.
 */
export function storedDraft(input: {
  body: MinutesBody | null;
  presence: readonly PresenceMark[];
  actions: readonly Pick<ActionItem, 'id' | 'agendaItemId' | 'position' | 'title' | 'ownerPersonId' | 'dueDate' | 'status'>[];
}): MinutesDraft {
  return {
    items: (input.body?.items ?? []).map((item) => ({ agendaItemId: item.agendaItemId, notes: item.notes, decision: item.decision })),
    attendance: input.presence.map((mark) => ({
      personId: mark.personId,
      presence: mark.presence,
      substituteForPersonId: mark.substituteForPersonId,
    })),
    actions: [...input.actions]
      .sort((a, b) => (a.agendaItemId ?? '').localeCompare(b.agendaItemId ?? '') || a.position - b.position)
      .map((a) => ({
        id: a.id,
        agendaItemId: a.agendaItemId,
        title: a.title,
        ownerPersonId: a.ownerPersonId,
        dueDate: a.dueDate,
        status: a.status,
      })),
  };
}

/**
 * The body a save stores: the draft's text, titled from the agenda. Items no longer on the
 * agenda keep their last title, so nothing written is lost when the agenda changes.
 */
export function bodyFromDraft(
  draft: MinutesDraft,
  agenda: readonly { id: string; title: string }[],
  previous: MinutesBody | null,
): MinutesBody {
  const titles = new Map<string, string>([
    ...(previous?.items ?? []).map((item) => [item.agendaItemId, item.title] as const),
    ...agenda.map((item) => [item.id, item.title] as const),
  ]);
  const order = new Map(agenda.map((item, index) => [item.id, index]));
  const items = draft.items
    .map((item) => ({
      agendaItemId: item.agendaItemId,
      title: titles.get(item.agendaItemId) ?? '',
      notes: item.notes,
      decision: item.decision,
    }))
    .sort((a, b) => (order.get(a.agendaItemId) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.agendaItemId) ?? Number.MAX_SAFE_INTEGER));
  return { items, record: null };
}

/** Reads a stored body defensively: a row written by an older version still opens. */
export function readMinutesBody(json: unknown): MinutesBody {
  const object = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const items = Array.isArray(object.items)
    ? object.items
        .filter(
          (item): item is Record<string, unknown> => typeof item === 'object' && item !== null && typeof item.agendaItemId === 'string',
        )
        .map((item) => ({
          agendaItemId: item.agendaItemId as string,
          title: text(item.title),
          notes: text(item.notes),
          decision: text(item.decision),
        }))
    : [];
  const record = typeof object.record === 'object' && object.record !== null ? (object.record as Partial<MinutesRecord>) : null;
  return {
    items,
    record: record
      ? {
          attendance: Array.isArray(record.attendance) ? record.attendance : [],
          actions: Array.isArray(record.actions) ? record.actions : [],
        }
      : null,
  };
}
