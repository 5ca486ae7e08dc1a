/**
 * The search index on PostgreSQL's full-text search (Swedish configuration), over the expression
 * indexes of migration 019. Every branch is held to the tenant and the groups it is given; the
 * use case decides which groups those are.
 *
 * - What was typed goes through `websearch_to_tsquery`, which never raises a syntax error, and then
 *   `search_prefix_query` (019), which makes every term match as a prefix too and falls back to
 *   the plain query should it fail.
 * - Minutes: only each meeting's latest version, draft or published, as the minutes view shows it.
 * - Highlights come back between two control characters (domain/search.ts), taken out of the
 *   stored text first, and leave as text segments: the database's markup never reaches the tab.
 */
import type { SearchHit, SearchIndex, SearchRequest } from '../../app/ports/search-index';
import type { MinutesStatus } from '../../domain/minutes';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, type SearchKind } from '../../domain/search';
import type { SqlDatabase } from './sql-database';

interface HitRow {
  kind: SearchKind;
  id: string;
  group_id: string;
  meeting_id: string | null;
  meeting_title: string | null;
  meeting_starts_at: Date | null;
  title: string;
  marked_title: string | null;
  marked_snippet: string | null;
  rank: number;
  minutes_status: MinutesStatus | null;
}

// The documents exactly as 019 indexes them.
const PROPOSAL_DOC = `(setweight(to_tsvector('swedish'::regconfig, p.title), 'A') || setweight(to_tsvector('swedish'::regconfig, p.description), 'B'))`;
const ITEM_DOC = `to_tsvector('swedish'::regconfig, a.title)`;
const ACTION_DOC = `to_tsvector('swedish'::regconfig, x.title)`;
const MINUTES_DOC = `minutes_search_document(m.body)`;

const MARKERS = `'StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}`;
const TITLE_OPTIONS = `${MARKERS}, HighlightAll=true'`;
/** Up to two short fragments of the longer text, like a web search's excerpt. */
const SNIPPET_OPTIONS = `${MARKERS}, MaxFragments=2, MaxWords=24, MinWords=10, ShortWord=2, FragmentDelimiter=" … "'`;
const STRIP_MARKERS = (column: string) => `translate(${column}, '${HIGHLIGHT_START}${HIGHLIGHT_STOP}', '')`;

/** An item's text in the minutes' body, one branch per kind (decision, notes). */
const minutesBranch = (kind: 'decision' | 'minutes', field: 'decision' | 'notes') => `
  ${kind}_hits AS (
    SELECT '${kind}'::text AS kind, mi.item ->> 'agendaItemId' AS id, mi.group_id, mi.meeting_id,
           coalesce(mi.item ->> 'title', '') AS title, mi.item ->> '${field}' AS body, mi.status AS minutes_status,
           ts_rank(to_tsvector('swedish'::regconfig, mi.item ->> '${field}'), q.q) AS rank, mi.starts_at AS at
    FROM minutes_items mi CROSS JOIN q
    WHERE '${kind}' = ANY ($3::text[]) AND to_tsvector('swedish'::regconfig, coalesce(mi.item ->> '${field}', '')) @@ q.q
    ORDER BY rank DESC, at DESC, mi.ord
    LIMIT $5
  )`;

const SEARCH_SQL = `
  WITH q AS (SELECT search_prefix_query(websearch_to_tsquery('swedish'::regconfig, $4)) AS q),
  proposal_hits AS (
    SELECT 'proposal'::text AS kind, p.id, p.group_id, p.meeting_id, p.title, p.description AS body,
           NULL::text AS minutes_status, ts_rank(${PROPOSAL_DOC}, q.q) AS rank, p.created_at AS at
    FROM proposal p CROSS JOIN q
    WHERE 'proposal' = ANY ($3::text[]) AND p.tenant_id = $1 AND p.group_id = ANY ($2::text[]) AND ${PROPOSAL_DOC} @@ q.q
    ORDER BY rank DESC, at DESC, p.id
    LIMIT $5
  ),
  item_hits AS (
    SELECT 'item'::text AS kind, a.id, a.group_id, a.meeting_id, a.title, ''::text AS body,
           NULL::text AS minutes_status, ts_rank(${ITEM_DOC}, q.q) AS rank, mt.starts_at AS at
    FROM agenda_item a CROSS JOIN q
    JOIN meeting mt ON mt.tenant_id = a.tenant_id AND mt.id = a.meeting_id
    WHERE 'item' = ANY ($3::text[]) AND a.tenant_id = $1 AND a.group_id = ANY ($2::text[]) AND ${ITEM_DOC} @@ q.q
    ORDER BY rank DESC, at DESC, a.position
    LIMIT $5
  ),
  action_hits AS (
    SELECT 'action'::text AS kind, x.id, x.group_id, x.meeting_id, x.title, ''::text AS body,
           NULL::text AS minutes_status, ts_rank(${ACTION_DOC}, q.q) AS rank, mt.starts_at AS at
    FROM action_item x CROSS JOIN q
    JOIN meeting mt ON mt.tenant_id = x.tenant_id AND mt.id = x.meeting_id
    WHERE 'action' = ANY ($3::text[]) AND x.tenant_id = $1 AND x.group_id = ANY ($2::text[]) AND ${ACTION_DOC} @@ q.q
    ORDER BY rank DESC, at DESC, x.id
    LIMIT $5
  ),
  minutes_items AS (
    SELECT m.group_id, m.meeting_id, m.status, mt.starts_at, e.item, e.ord
    FROM minutes m CROSS JOIN q
    JOIN meeting mt ON mt.tenant_id = m.tenant_id AND mt.id = m.meeting_id
    CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN jsonb_typeof(m.body -> 'items') = 'array' THEN m.body -> 'items' ELSE '[]'::jsonb END
    ) WITH ORDINALITY AS e (item, ord)
    WHERE ('decision' = ANY ($3::text[]) OR 'minutes' = ANY ($3::text[]))
      AND m.tenant_id = $1 AND m.group_id = ANY ($2::text[]) AND ${MINUTES_DOC} @@ q.q
      AND NOT EXISTS (SELECT 1 FROM minutes later
                      WHERE later.tenant_id = m.tenant_id AND later.meeting_id = m.meeting_id AND later.version > m.version)
  ),
  ${minutesBranch('decision', 'decision')},
  ${minutesBranch('minutes', 'notes')},
  hits AS (
    SELECT * FROM proposal_hits UNION ALL SELECT * FROM item_hits UNION ALL SELECT * FROM action_hits
    UNION ALL SELECT * FROM decision_hits UNION ALL SELECT * FROM minutes_hits
  )
  SELECT h.kind, h.id, h.group_id, h.meeting_id, mt.title AS meeting_title, mt.starts_at AS meeting_starts_at, h.title,
         ts_headline('swedish'::regconfig, ${STRIP_MARKERS('h.title')}, q.q, ${TITLE_OPTIONS}) AS marked_title,
         CASE WHEN coalesce(h.body, '') = '' THEN ''
              ELSE ts_headline('swedish'::regconfig, ${STRIP_MARKERS('h.body')}, q.q, ${SNIPPET_OPTIONS}) END AS marked_snippet,
         h.rank, h.minutes_status
  FROM hits h CROSS JOIN q
  LEFT JOIN meeting mt ON mt.tenant_id = $1 AND mt.group_id = h.group_id AND mt.id = h.meeting_id
  ORDER BY h.kind, h.rank DESC, h.at DESC NULLS LAST, h.id COLLATE "C"`;

export class SqlSearchIndex implements SearchIndex {
  constructor(private readonly db: SqlDatabase) {}

  async search(request: SearchRequest): Promise<SearchHit[]> {
    if (request.groupIds.length === 0 || request.kinds.length === 0) return [];
    const rows = await this.db.query<HitRow>(SEARCH_SQL, [
      request.tenantId,
      [...request.groupIds],
      [...request.kinds],
      request.query,
      request.perKind,
    ]);
    return rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      groupId: row.group_id,
      meeting:
        row.meeting_id && row.meeting_title !== null && row.meeting_starts_at
          ? { id: row.meeting_id, title: row.meeting_title, startsAt: row.meeting_starts_at }
          : null,
      title: row.title,
      markedTitle: row.marked_title ?? row.title,
      markedSnippet: row.marked_snippet ?? '',
      rank: Number(row.rank),
      minutesStatus: row.minutes_status,
    }));
  }
}
