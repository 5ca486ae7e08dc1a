/**
 * Goal tags on everything the group does: proposals, agenda items, decisions and actions, and
 * the counts per goal that the goal overview and the reports show.
 *
 * Rules (docs/decisions/0013-goal-tags.md says why):
 * - A proposal carries the goals its proposer chose.
 * - An agenda item follows its proposal's goals until a strategist chooses its own (maybe none);
 *   a standing item with no choice has none.
 * - An action follows its agenda item's goals (as that item stands) until a strategist chooses
 *   its own; an action with no agenda item and no choice has none.
 * - A decision is an agenda item's decision text in the meeting's published minutes (the newest
 *   published version); it counts under its agenda item's goals.
 * - Each thing counts once per goal it carries, and only in the period its date falls in: a
 *   proposal by the day it was submitted, everything else by its meeting's start. Withdrawn
 *   proposals do not count; nor do cancelled meetings' items and actions of meetings without
 *   published minutes (the storage leaves those out).
 */
import type { Goal, GoalFramework } from './goal';
import { GOAL_FRAMEWORKS } from './goal';
import { fromStockholm } from './stockholm-time';

/** More tags than this says nothing any more (as for proposals). */
export const GOAL_TAGS_MAX = 10;
/** A decision's text in a list: enough to recognise it. */
export const DECISION_EXCERPT_MAX = 280;
export const LOCAL_GOAL_NAME_MAX = 120;

export type TaggedKind = 'proposal' | 'agendaItem' | 'decision' | 'action';
export const TAGGED_KINDS: readonly TaggedKind[] = ['proposal', 'agendaItem', 'decision', 'action'];

/** Where a thing's goals come from. */
export type GoalSource = 'own' | 'proposal' | 'agendaItem' | 'none';

export interface TaggedEntry {
  kind: TaggedKind;
  /** The proposal's, agenda item's or action's id; a decision has its agenda item's id. */
  id: string;
  title: string;
  meetingId: string | null;
  /** What the period is judged by: a proposal's submission, otherwise its meeting's start. */
  date: Date;
  goalIds: string[];
  source: GoalSource;
  /** Decisions: the decision text (cut to DECISION_EXCERPT_MAX). */
  text?: string;
  /** Actions: the agenda item it came from. */
  agendaItemId?: string | null;
}

/** What storage knows, before the inheritance rules are applied. */
export interface GoalTagFacts {
  meetings: readonly { id: string; startsAt: Date }[];
  /** Withdrawn ones too: they do not count, but an item made from one still follows it. */
  proposals: readonly {
    id: string;
    title: string;
    createdAt: Date;
    meetingId: string | null;
    withdrawn: boolean;
    goalIds: readonly string[];
  }[];
  agendaItems: readonly {
    id: string;
    meetingId: string;
    title: string;
    proposalId: string | null;
    /** Null: no choice made, the item follows its proposal. */
    chosenGoalIds: readonly string[] | null;
  }[];
  decisions: readonly { meetingId: string; agendaItemId: string; title: string; decision: string }[];
  actions: readonly {
    id: string;
    meetingId: string;
    agendaItemId: string | null;
    title: string;
    chosenGoalIds: readonly string[] | null;
  }[];
}

/** A period of whole Stockholm days, both ends included, as instants [from, to). */
export interface Period {
  from: Date;
  to: Date;
}

/** The goals an agenda item carries: its own choice, else its proposal's. */
export function agendaItemGoals(
  item: { proposalId: string | null; chosenGoalIds: readonly string[] | null },
  proposalGoals: (proposalId: string) => readonly string[] | undefined,
): { goalIds: string[]; source: GoalSource } {
  if (item.chosenGoalIds !== null) return { goalIds: sorted(item.chosenGoalIds), source: 'own' };
  const inherited = item.proposalId === null ? undefined : proposalGoals(item.proposalId);
  return inherited && inherited.length > 0 ? { goalIds: sorted(inherited), source: 'proposal' } : { goalIds: [], source: 'none' };
}

/** The goals an action carries: its own choice, else its agenda item's as that item stands. */
export function actionGoals(
  action: { agendaItemId: string | null; chosenGoalIds: readonly string[] | null },
  itemGoals: (agendaItemId: string) => readonly string[] | undefined,
): { goalIds: string[]; source: GoalSource } {
  if (action.chosenGoalIds !== null) return { goalIds: sorted(action.chosenGoalIds), source: 'own' };
  const inherited = action.agendaItemId === null ? undefined : itemGoals(action.agendaItemId);
  return inherited && inherited.length > 0 ? { goalIds: sorted(inherited), source: 'agendaItem' } : { goalIds: [], source: 'none' };
}

/** Every proposal, agenda item, decision and action with the goals it carries, in the period. */
export function resolveGoalTags(facts: GoalTagFacts, period: Period | null): TaggedEntry[] {
  const meetingStart = new Map(facts.meetings.map((m) => [m.id, m.startsAt]));
  const proposalGoals = new Map(facts.proposals.map((p) => [p.id, p.goalIds]));
  const itemGoals = new Map<string, string[]>();
  const entries: TaggedEntry[] = [];
  const within = (date: Date) => period === null || (date >= period.from && date < period.to);

  for (const p of facts.proposals) {
    if (p.withdrawn) continue;
    const goalIds = sorted(p.goalIds);
    entries.push({
      kind: 'proposal',
      id: p.id,
      title: p.title,
      meetingId: p.meetingId,
      date: p.createdAt,
      goalIds,
      source: goalIds.length > 0 ? 'own' : 'none',
    });
  }
  for (const item of facts.agendaItems) {
    const resolved = agendaItemGoals(item, (id) => proposalGoals.get(id));
    itemGoals.set(item.id, resolved.goalIds);
    const date = meetingStart.get(item.meetingId);
    if (date) entries.push({ kind: 'agendaItem', id: item.id, title: item.title, meetingId: item.meetingId, date, ...resolved });
  }
  for (const d of facts.decisions) {
    const date = meetingStart.get(d.meetingId);
    const text = d.decision.trim();
    if (!date || text === '') continue;
    const goalIds = itemGoals.get(d.agendaItemId) ?? [];
    entries.push({
      kind: 'decision',
      id: d.agendaItemId,
      title: d.title,
      meetingId: d.meetingId,
      date,
      goalIds,
      source: goalIds.length > 0 ? 'agendaItem' : 'none',
      text: text.length > DECISION_EXCERPT_MAX ? `${text.slice(0, DECISION_EXCERPT_MAX - 1)}…` : text,
    });
  }
  for (const action of facts.actions) {
    const date = meetingStart.get(action.meetingId);
    if (!date) continue;
    const resolved = actionGoals(action, (id) => itemGoals.get(id));
    entries.push({
      kind: 'action',
      id: action.id,
      title: action.title,
      meetingId: action.meetingId,
      date,
      agendaItemId: action.agendaItemId,
      ...resolved,
    });
  }
  return entries.filter((entry) => within(entry.date));
}

export type GoalCounts = Record<TaggedKind, number>;

/** Per goal id, how many things of each kind carry it. Goals nothing carries count zero. */
export function countByGoal(goalIds: readonly string[], entries: readonly TaggedEntry[]): Map<string, GoalCounts> {
  const counts = new Map(goalIds.map((id) => [id, zeroCounts()]));
  for (const entry of entries) {
    for (const goalId of new Set(entry.goalIds)) {
      const row = counts.get(goalId);
      if (row) row[entry.kind] += 1;
    }
  }
  return counts;
}

export function zeroCounts(): GoalCounts {
  return { proposal: 0, agendaItem: 0, decision: 0, action: 0 };
}

/** The goals by framework in their official order (global goals, miljökvalitetsmål, local). */
export function byFramework<T extends Pick<Goal, 'framework' | 'number'>>(goals: readonly T[]): { framework: GoalFramework; goals: T[] }[] {
  return GOAL_FRAMEWORKS.map((framework) => ({
    framework,
    goals: goals.filter((g) => g.framework === framework).sort((a, b) => a.number - b.number),
  }));
}

export type GoalChoiceProblem = 'too-many' | 'unknown-goal';

/**
 * A strategist's choice of goals for an item or action. `selectable`: the group's goals not
 * retired. A goal the thing already carries stays allowed after it is retired, so a choice can
 * keep history while changing something else.
 */
export function checkGoalChoice(
  goalIds: readonly string[],
  context: { selectable: ReadonlySet<string>; current: readonly string[] },
): GoalChoiceProblem | null {
  const unique = new Set(goalIds);
  if (unique.size > GOAL_TAGS_MAX) return 'too-many';
  for (const id of unique) if (!context.selectable.has(id) && !context.current.includes(id)) return 'unknown-goal';
  return null;
}

/**
 * `from`..`to` as whole Stockholm days, both included ("2026-01-01".."2026-12-31" is the year).
 * Null when a date does not exist or `to` is before `from`.
 */
export function periodOfDays(from: string, to: string): Period | null {
  const start = calendarDay(from);
  const end = calendarDay(to);
  if (!start || !end) return null;
  const next = new Date(Date.UTC(end.year, end.month - 1, end.day + 1));
  const period = {
    from: fromStockholm({ ...start, hour: 0, minute: 0 }),
    to: fromStockholm({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0 }),
  };
  return period.from < period.to ? period : null;
}

function calendarDay(value: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

function sorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}
