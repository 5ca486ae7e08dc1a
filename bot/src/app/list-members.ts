/**
 * The tab's *Medlemmar*: the group's people with their organisation and role, its organisations,
 * and the warnings about förvaltningar that are missing (no delegate; nobody at the last two
 * meetings held). Every member may read it: the group's make-up is no secret within the group.
 */
import type { Role } from '../domain/membership';
import type { OrganisationKind } from '../domain/organisation';
import { lastHeldMeetings, representationWarnings } from '../domain/representation';
import { attendanceRecordsOf } from './attendance-records';
import { findMember, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export interface MembersOverview {
  group: { id: string; name: string };
  /** By name. */
  people: { id: string; name: string; email: string; organisationId: string | null; organisationName: string | null; role: Role }[];
  /** Förvaltningar first, then bolag, then others; by name within each. */
  organisations: { id: string; name: string; kind: OrganisationKind }[];
  /** No-delegate warnings first, then unrepresented ones, in the organisations' order. */
  warnings: (
    | { kind: 'no-delegate'; organisationId: string; organisationName: string }
    | {
        kind: 'unrepresented';
        organisationId: string;
        organisationName: string;
        /** The meetings missed, newest first. */
        meetings: { id: string; title: string; startsAt: Date }[];
      }
  )[];
}

const KIND_ORDER: Record<OrganisationKind, number> = { forvaltning: 0, bolag: 1, other: 2 };
const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'sv');

export async function listMembers(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string },
): Promise<MembersOverview> {
  const repos = deps.repositories;
  const { group } = await findMember(repos, input, input.groupId);
  const [people, memberships, organisations, meetings] = await Promise.all([
    repos.people.listByGroup(group.tenantId, group.id),
    repos.memberships.listByGroup(group.tenantId, group.id),
    repos.organisations.listByGroup(group.tenantId, group.id),
    repos.meetings.listByGroup(group.tenantId, group.id),
  ]);
  const held = lastHeldMeetings(meetings, deps.clock.now());
  // The attendance rows as the minutes note them: the answer to the kallelse and the presence mark.
  const attendance = await attendanceRecordsOf(repos, group.tenantId, held);

  const sortedOrganisations = [...organisations].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byName(a, b));
  const organisationById = new Map(organisations.map((o) => [o.id, o]));
  const roleOf = new Map(memberships.map((m) => [m.personId, m.role]));
  const warnings = representationWarnings({ organisations: sortedOrganisations, people, memberships, heldMeetings: held, attendance });

  return {
    group: { id: group.id, name: group.name },
    people: people
      .flatMap((p) => {
        const role = roleOf.get(p.id);
        if (!role) return [];
        const organisation = p.organisationId ? organisationById.get(p.organisationId) : undefined;
        return [
          {
            id: p.id,
            name: p.name,
            email: p.email,
            organisationId: organisation?.id ?? null,
            organisationName: organisation?.name ?? null,
            role,
          },
        ];
      })
      .sort(byName),
    organisations: sortedOrganisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    warnings: warnings.map((warning) => {
      const organisationName = organisationById.get(warning.organisationId)?.name ?? '';
      if (warning.kind === 'no-delegate') return { kind: warning.kind, organisationId: warning.organisationId, organisationName };
      return {
        kind: warning.kind,
        organisationId: warning.organisationId,
        organisationName,
        meetings: held.map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt })),
      };
    }),
  };
}
