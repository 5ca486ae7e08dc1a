/** The Medlemmar view's call: people, organisations and the warnings about missing förvaltningar. */
import type { ApiClient } from '../../api';
import type { Role } from '../../api-types';

export type OrganisationKind = 'forvaltning' | 'bolag' | 'other';

export interface MemberPerson {
  id: string;
  name: string;
  email: string;
  organisationId: string | null;
  organisationName: string | null;
  role: Role;
}

export interface MemberOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export type MemberWarning =
  | { kind: 'no-delegate'; organisationId: string; organisationName: string }
  | {
      kind: 'unrepresented';
      organisationId: string;
      organisationName: string;
      /** The meetings missed, newest first. */
      meetings: { id: string; title: string; startsAt: string }[];
    };

export interface MembersOverview {
  group: { id: string; name: string };
  people: MemberPerson[];
  /** Förvaltningar first, then bolag, then others. */
  organisations: MemberOrganisation[];
  warnings: MemberWarning[];
}

export function listMembers(api: ApiClient, groupId: string, signal: AbortSignal): Promise<MembersOverview> {
  return api.request(`/groups/${encodeURIComponent(groupId)}/members`, { signal });
}

/** Erases a member's personal data on request (strategists; the server checks). */
export function eraseMember(api: ApiClient, groupId: string, personId: string): Promise<unknown> {
  return api.request(`/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(personId)}/erase`, {
    method: 'POST',
    body: { confirm: true },
  });
}
