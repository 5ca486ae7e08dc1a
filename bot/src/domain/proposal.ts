/** Vocabulary of proposals and agenda items; their rules arrive with the proposal issue. */
export type ProposalKind =
  'avstamning' | 'diskussion' | 'beslut' | 'information' | 'kompetensutveckling' | 'omvarldsbevakning' | 'samarbete';

export const PROPOSAL_KINDS: readonly ProposalKind[] = [
  'avstamning',
  'diskussion',
  'beslut',
  'information',
  'kompetensutveckling',
  'omvarldsbevakning',
  'samarbete',
];

export type ProposalStatus = 'submitted' | 'accepted' | 'deferred' | 'declined' | 'withdrawn';

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['submitted', 'accepted', 'deferred', 'declined', 'withdrawn'];
