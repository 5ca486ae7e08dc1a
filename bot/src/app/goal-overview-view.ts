/**
 * What the goal overview and a goal's lists send: goals with their counts, and tagged things
 * with their meeting. Shared by get-goal-overview and get-goal-detail.
 */
import type { GoalFramework, GoalWithState } from '../domain/goal';
import { periodOfDays, type GoalSource, type Period, type TaggedEntry, type TaggedKind } from '../domain/goal-tags';
import type { Meeting } from '../domain/meeting';
import { AppError } from './errors';

export interface GoalView {
  id: string;
  framework: GoalFramework;
  number: number;
  name: string;
  /** The group's own local goal (strategists may rename or retire it). */
  own: boolean;
  retired: boolean;
}

export interface TaggedThingView {
  kind: TaggedKind;
  id: string;
  title: string;
  /** Decisions: the decision's text. */
  text: string | null;
  meeting: { id: string; title: string; startsAt: Date } | null;
  /** Submitted (proposals) or the meeting's start. */
  date: Date;
  goalIds: string[];
  source: GoalSource;
  /** Actions: the agenda item they came from. */
  agendaItemId: string | null;
}

/** The period asked for: both days or neither. */
export function periodFrom(input: { from?: string | null; to?: string | null }): {
  period: Period | null;
  from: string | null;
  to: string | null;
} {
  const from = input.from ?? null;
  const to = input.to ?? null;
  if (from === null && to === null) return { period: null, from, to };
  if (from === null || to === null) throw new AppError('invalid', 'Ange både från- och till-datum, eller inget av dem.');
  const period = periodOfDays(from, to);
  if (!period)
    throw new AppError('invalid', 'Perioden behöver två giltiga datum (ÅÅÅÅ-MM-DD), och till-datumet får inte vara före från-datumet.');
  return { period, from, to };
}

export function goalView(goal: GoalWithState, groupId: string): GoalView {
  return {
    id: goal.id,
    framework: goal.framework,
    number: goal.number,
    name: goal.name,
    own: goal.groupId === groupId,
    retired: goal.retired,
  };
}

export function thingView(entry: TaggedEntry, meetings: ReadonlyMap<string, Meeting>): TaggedThingView {
  const meeting = entry.meetingId ? meetings.get(entry.meetingId) : undefined;
  return {
    kind: entry.kind,
    id: entry.id,
    title: entry.title,
    text: entry.text ?? null,
    meeting: meeting ? { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt } : null,
    date: entry.date,
    goalIds: entry.goalIds,
    source: entry.source,
    agendaItemId: entry.agendaItemId ?? null,
  };
}
