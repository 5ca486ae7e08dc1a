-- The tab's *Åtgärder* (issue 8): the group's actions across meetings, and one action's history.
-- A change made in the tab is an audit event with subject `action:<id>` and the old and new values
-- in its detail (no table of its own: the log already keeps who and when, append-only, and
-- erasure already leaves its rows pointing at the nameless person). These indexes find them.
CREATE INDEX audit_event_subject_idx ON audit_event (tenant_id, subject, at, id);
CREATE INDEX action_item_group_idx ON action_item (tenant_id, group_id);
