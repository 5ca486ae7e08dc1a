/** The Förslag view's filters: pure, so the view only keeps the state. Null means "all". */
import { GOAL_FRAMEWORKS, type GroupProposal, type ProposalKind, type ProposalStatus } from './proposals-api';

export interface ProposalFilter {
  status: ProposalStatus | null;
  organisation: string | null;
  kind: ProposalKind | null;
  goalId: string | null;
}

export const NO_FILTER: ProposalFilter = { status: null, organisation: null, kind: null, goalId: null };

export function isFiltered(filter: ProposalFilter): boolean {
  return filter.status !== null || filter.organisation !== null || filter.kind !== null || filter.goalId !== null;
}

export function matches(proposal: GroupProposal, filter: ProposalFilter): boolean {
  return (
    (filter.status === null || proposal.status === filter.status) &&
    (filter.organisation === null || proposal.organisationName === filter.organisation) &&
    (filter.kind === null || proposal.kind === filter.kind) &&
    (filter.goalId === null || proposal.goals.some((g) => g.id === filter.goalId))
  );
}

/** Newest first: the list is read to see what came in lately. */
export function newestFirst(proposals: readonly GroupProposal[]): GroupProposal[] {
  return [...proposals].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.title.localeCompare(b.title, 'sv'));
}

/** The organisations that have proposed something, by name. */
export function organisationsIn(proposals: readonly GroupProposal[]): string[] {
  const names = new Set(proposals.flatMap((p) => (p.organisationName ? [p.organisationName] : [])));
  return [...names].sort((a, b) => a.localeCompare(b, 'sv'));
}

/** The goals some proposal is tagged with, by framework and number. */
export function goalsIn(proposals: readonly GroupProposal[]): GroupProposal['goals'] {
  const byId = new Map(proposals.flatMap((p) => p.goals).map((g) => [g.id, g]));
  return [...byId.values()].sort(
    (a, b) => GOAL_FRAMEWORKS.indexOf(a.framework) - GOAL_FRAMEWORKS.indexOf(b.framework) || a.number - b.number,
  );
}
