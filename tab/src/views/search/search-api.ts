/** The search view's call: the group's proposals, agenda items, decisions, minutes and actions matching a query. */
import type { ApiClient } from '../../api';

export type SearchKind = 'proposal' | 'item' | 'decision' | 'minutes' | 'action';

/** In the order the service sorts them, and the view shows them. */
export const SEARCH_KINDS: readonly SearchKind[] = ['proposal', 'item', 'decision', 'minutes', 'action'];

/** What a person must type before a search is sent; the service refuses less. */
export const QUERY_MIN = 2;
export const QUERY_MAX = 200;

/** A piece of text; `mark` when it matched. Always shown as text, never as markup. */
export interface TextSegment {
  text: string;
  mark: boolean;
}

export interface SearchResult {
  kind: SearchKind;
  id: string;
  group: { id: string; name: string };
  title: TextSegment[];
  snippet: TextSegment[];
  meeting: { id: string; title: string; startsAt: string } | null;
  draft: boolean;
  /** Where the hit opens in the tab. */
  target: { view: 'proposals' | 'minutes' | 'meeting'; arg: string };
}

export function search(api: ApiClient, groupId: string, query: string, signal?: AbortSignal): Promise<{ results: SearchResult[] }> {
  const params = new URLSearchParams({ q: query, groupId });
  return api.request(`/search?${params.toString()}`, { signal });
}
