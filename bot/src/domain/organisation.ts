export type OrganisationKind = 'forvaltning' | 'bolag' | 'other';

export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['forvaltning', 'bolag', 'other'];

/** An administration (förvaltning), a municipal company (bolag) or another body in the group. */
export interface Organisation {
  id: string;
  tenantId: string;
  groupId: string;
  name: string;
  kind: OrganisationKind;
}
