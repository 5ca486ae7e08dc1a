/**
 * The full-text index over a tenant's groups. It finds, ranks and highlights; it never decides who
 * may see what: the caller names the tenant and the groups, and the use case (search.ts) has
 * already checked that the person is a member of each.
 */
import type { MinutesStatus } from '../../domain/minutes';
import type { SearchKind } from '../../domain/search';

export interface SearchRequest {
  tenantId: string;
  /** Only rows of these groups are looked at; empty: nothing is found. */
  groupIds: readonly string[];
  kinds: readonly SearchKind[];
  /** What the person typed; the index parses it as a web search (quotes, `-word`, `or`), never as query syntax. */
  query: string;
  /** At most this many hits of each kind, the best ranked. */
  perKind: number;
}

export interface SearchHit {
  kind: SearchKind;
  /** The proposal's, agenda item's or action's id; for minutes and decisions the agenda item's id. */
  id: string;
  groupId: string;
  /** The meeting it belongs to; a proposal not yet set for a meeting has none. */
  meeting: { id: string; title: string; startsAt: Date } | null;
  /** The title as stored (the proposal's, the item's, the action's; the minutes item's heading). */
  title: string;
  /** The title with the matched terms between HIGHLIGHT_START and HIGHLIGHT_STOP. */
  markedTitle: string;
  /** An excerpt of the longer text (description, notes, decision) marked the same way; '' when none. */
  markedSnippet: string;
  /** Higher is better; comparable within a kind. */
  rank: number;
  /** Minutes and decisions: whether the text is a draft or a published version. */
  minutesStatus: MinutesStatus | null;
}

export interface SearchIndex {
  search(request: SearchRequest): Promise<SearchHit[]>;
}
