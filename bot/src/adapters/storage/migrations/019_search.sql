-- Search (Sök): full-text indexes with PostgreSQL's Swedish configuration (Snowball stemming and
-- Swedish stop words), so "klimatanpassning" finds "klimatanpassningar" and "Klimatanpassningen".
-- PGlite ships the same configuration, so local mode and tests search the way production does.
-- docs/decisions/0019-search.md says why.
--
-- Expression indexes, not stored tsvector columns: nothing is written twice, and adding them
-- rewrites no row (a rewrite of `minutes` would meet the lock on published versions). The
-- queries in sql-search.ts repeat these expressions exactly, or the planner cannot use them.
-- `to_tsvector(regconfig, …)` with a constant configuration is immutable, as an index needs.

CREATE INDEX proposal_search_idx ON proposal USING gin (
  (setweight(to_tsvector('swedish'::regconfig, title), 'A') || setweight(to_tsvector('swedish'::regconfig, description), 'B'))
);

CREATE INDEX agenda_item_search_idx ON agenda_item USING gin (to_tsvector('swedish'::regconfig, title));

CREATE INDEX action_item_search_idx ON action_item USING gin (to_tsvector('swedish'::regconfig, title));

-- Minutes: the notes and the decisions of every item in the body (domain/minutes.ts MinutesBody).
-- The index finds the versions worth opening; the query then ranks item by item.
CREATE FUNCTION minutes_search_document(body jsonb) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('swedish'::regconfig,
    jsonb_path_query_array(body, '$.items[*].notes') || jsonb_path_query_array(body, '$.items[*].decision'))
$$;

CREATE INDEX minutes_search_idx ON minutes USING gin (minutes_search_document(body));

-- What a person typed, as websearch_to_tsquery parsed it, with every term also matching as a
-- prefix: Swedish writes compounds as one word, so "klimat" should find "klimatanpassning".
-- The rewrite works on the query's canonical text, where PostgreSQL quotes every lexeme; should
-- it ever fail, the plain query is used: a search never fails on what was typed.
CREATE FUNCTION search_prefix_query(parsed tsquery) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF numnode(parsed) = 0 THEN
    RETURN parsed;
  END IF;
  RETURN regexp_replace(parsed::text, '(''(?:[^'']|'''')*'')', '\1:*', 'g')::tsquery;
EXCEPTION WHEN OTHERS THEN
  RETURN parsed;
END;
$$;
