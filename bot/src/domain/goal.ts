/** Goals a proposal, decision or action can be tagged with. All of them are data. */
export type GoalFramework = 'sdg' | 'miljomal' | 'local';

export const GOAL_FRAMEWORKS: readonly GoalFramework[] = ['sdg', 'miljomal', 'local'];

export interface Goal {
  id: string;
  tenantId: string;
  /** Null for goals every group shares (the global goals, the miljökvalitetsmål). */
  groupId: string | null;
  framework: GoalFramework;
  number: number;
  name: string;
}

/** A goal as the goal overview shows it: a retired local goal is offered no more but keeps its tags. */
export interface GoalWithState extends Goal {
  retired: boolean;
}
