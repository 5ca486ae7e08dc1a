/**
 * Goal tags of agenda items and actions, and everything tagged in a group, resolved by the rules
 * in domain/goal-tags.ts (an item follows its proposal, an action its item, until a strategist
 * chooses). The reports read `listTaggedForPeriod` too.
 */
import type { Period, TaggedEntry } from '../../domain/goal-tags';

export type GoalTagTargetKind = 'agendaItem' | 'action';

/** One agenda item or action whose goals a strategist may choose. */
export interface GoalTagTarget {
  kind: GoalTagTargetKind;
  id: string;
  tenantId: string;
  groupId: string;
  meetingId: string;
  title: string;
  /** Its own choice; null when it follows its proposal or agenda item. */
  chosenGoalIds: string[] | null;
  /** The goals it carries now (its choice, or what it follows). */
  goalIds: string[];
}

export interface GoalTagRepository {
  /**
   * Every proposal (not withdrawn), agenda item (of a meeting not cancelled), decision (in the
   * newest published minutes) and action (of a meeting with published minutes) of the group whose
   * date falls in `period` — all of them when null — with the goal ids each carries; things that
   * carry none are included with an empty list. Proposals, then items, decisions, actions.
   */
  listTaggedForPeriod(tenantId: string, groupId: string, period: Period | null): Promise<TaggedEntry[]>;
  findTarget(tenantId: string, kind: GoalTagTargetKind, id: string): Promise<GoalTagTarget | null>;
  /** Stores a choice (replacing any earlier one), or, with null, drops it so the thing follows again. */
  choose(tenantId: string, kind: GoalTagTargetKind, id: string, goalIds: readonly string[] | null, at: Date): Promise<void>;
}
