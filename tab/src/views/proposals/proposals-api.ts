/** The Förslag view's call: the group's whole list, filtered in the view (a group has tens, not thousands). */
import type { ApiClient } from '../../api';

export type ProposalKind =
  'avstamning' | 'diskussion' | 'beslut' | 'information' | 'kompetensutveckling' | 'omvarldsbevakning' | 'samarbete';
export type ProposalStatus = 'submitted' | 'accepted' | 'deferred' | 'declined' | 'withdrawn';
export type GoalFramework = 'sdg' | 'miljomal' | 'local';

export const PROPOSAL_KINDS: readonly ProposalKind[] = [
  'avstamning',
  'diskussion',
  'beslut',
  'information',
  'kompetensutveckling',
  'omvarldsbevakning',
  'samarbete',
];
export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['submitted', 'accepted', 'deferred', 'declined', 'withdrawn'];
export const GOAL_FRAMEWORKS: readonly GoalFramework[] = ['sdg', 'miljomal', 'local'];

export interface GroupProposal {
  id: string;
  title: string;
  description: string;
  kind: ProposalKind;
  status: ProposalStatus;
  minutesNeeded: number;
  organisationName: string | null;
  proposerName: string | null;
  goals: { id: string; framework: GoalFramework; number: number; name: string }[];
  meeting: { id: string; title: string; startsAt: string; durationMinutes: number } | null;
  /** The meeting asked for, when the proposal came too late for it. */
  missedMeeting: { title: string; startsAt: string } | null;
  decisionNote: string | null;
  createdAt: string;
}

export function listGroupProposals(api: ApiClient, groupId: string, signal: AbortSignal): Promise<{ proposals: GroupProposal[] }> {
  return api.request(`/groups/${encodeURIComponent(groupId)}/proposals`, { signal });
}
