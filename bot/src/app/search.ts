/**
 * *Sök*: one box over the proposals, agenda items, decisions, minutes and actions of the caller's
 * groups, best match first within each kind. Who sees what is the rule each of those already has,
 * and every one of them is "the members of the group":
 * - proposals: every member sees every proposal of the group (ADR 0007, list-group-proposals.ts);
 * - agenda items: every member reads a meeting's agenda (get-meeting-agenda.ts);
 * - minutes and their decisions: every member reads a meeting's latest version, the draft being
 *   written included, since every member reviews it (minutes-access.ts, ADR 0010); earlier
 *   versions are not searched, as the minutes view opens the latest;
 * - actions: every member reads the group's actions (get-action-follow-up.ts).
 * So the search runs over exactly the groups the caller is a member of (find-member.ts), within
 * their tenant; naming a group they are not in gets the same refusal as anywhere else.
 */
import type { Group } from '../domain/group';
import type { Role } from '../domain/membership';
import { SEARCH_KINDS, SEARCH_LIMITS, highlightSegments, highlightedTitle, type SearchKind, type TextSegment } from '../domain/search';
import { AppError } from './errors';
import { findMember, notAMember, type Actor } from './find-member';
import type { Repositories } from './ports/repositories';
import type { SearchHit } from './ports/search-index';

/** Where a hit opens in the tab: a view and its argument. */
export interface SearchTarget {
  view: 'proposals' | 'minutes' | 'meeting';
  arg: string;
}

export interface SearchResult {
  kind: SearchKind;
  id: string;
  group: { id: string; name: string };
  /** The title with the matched terms marked. */
  title: TextSegment[];
  /** An excerpt of the longer text with the matched terms marked; empty when the title is all there is. */
  snippet: TextSegment[];
  meeting: { id: string; title: string; startsAt: Date } | null;
  /** Minutes and decisions from a draft not yet published. */
  draft: boolean;
  target: SearchTarget;
}

export interface SearchResults {
  /** In SEARCH_KINDS order, the best match first within each kind. */
  results: SearchResult[];
}

export async function search(
  deps: { repositories: Repositories },
  input: Actor & { query: string; groupId?: string | null; kinds?: readonly SearchKind[] | null },
): Promise<SearchResults> {
  const repos = deps.repositories;
  const query = input.query.trim();
  if (query.length < SEARCH_LIMITS.queryMin || query.length > SEARCH_LIMITS.queryMax)
    throw new AppError('invalid', `q: ${SEARCH_LIMITS.queryMin} to ${SEARCH_LIMITS.queryMax} characters`);
  if (query.includes('\u0000')) throw new AppError('invalid', 'q: no NUL characters');
  const kinds = input.kinds?.length ? SEARCH_KINDS.filter((k) => input.kinds?.includes(k)) : SEARCH_KINDS;

  const groups = await visibleGroups(repos, input, input.groupId ?? null);
  if (groups.size === 0) return { results: [] };
  const hits = await repos.search.search({
    tenantId: input.tenantId,
    groupIds: [...groups.keys()],
    kinds,
    query,
    perKind: SEARCH_LIMITS.perKind,
  });
  const order = (hit: SearchHit) => SEARCH_KINDS.indexOf(hit.kind);
  return {
    results: hits
      .filter((hit) => kinds.includes(hit.kind))
      .sort((a, b) => order(a) - order(b) || b.rank - a.rank)
      .flatMap((hit) => {
        // The index is told the groups; this keeps a hit from anywhere else out even if it erred.
        const scope = groups.get(hit.groupId);
        const target = scope ? targetOf(hit, scope.role) : null;
        if (!scope || !target) return [];
        const { group } = scope;
        return [
          {
            kind: hit.kind,
            id: hit.id,
            group: { id: group.id, name: group.name },
            title: highlightedTitle(hit.title, hit.markedTitle),
            snippet: highlightSegments(hit.markedSnippet),
            meeting: hit.meeting,
            draft: hit.minutesStatus === 'draft',
            target,
          },
        ];
      }),
  };
}

/** The caller's groups with their role there: one named group, or all of them. */
async function visibleGroups(
  repos: Repositories,
  actor: Actor,
  groupId: string | null,
): Promise<Map<string, { group: Group; role: Role }>> {
  if (groupId) {
    const member = await findMember(repos, actor, groupId);
    return new Map([[member.group.id, { group: member.group, role: member.membership.role }]]);
  }
  const person = await repos.people.find(actor.tenantId, actor.personId);
  if (!person) throw notAMember();
  const memberships = await repos.memberships.listByPerson(actor.tenantId, person.id);
  const found = await Promise.all(
    memberships.map(async (m) => ({ group: await repos.groups.find(actor.tenantId, m.groupId), role: m.role })),
  );
  return new Map(found.flatMap(({ group, role }) => (group ? [[group.id, { group, role }] as const] : [])));
}

/**
 * Proposals open in *Förslag*; decisions, notes and actions in the meeting's minutes. An agenda
 * item opens the agenda for a strategist (the *Möte* view is theirs) and the minutes view, which
 * shows the agenda too, for everyone else.
 */
function targetOf(hit: SearchHit, role: Role): SearchTarget | null {
  if (hit.kind === 'proposal') return { view: 'proposals', arg: hit.id };
  // Everything else belongs to a meeting; the index joins it, so none is missing.
  if (!hit.meeting) return null;
  if (hit.kind === 'item' && role === 'strategist') return { view: 'meeting', arg: hit.meeting.id };
  return { view: 'minutes', arg: hit.meeting.id };
}
