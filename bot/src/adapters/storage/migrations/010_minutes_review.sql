-- Minutes, second cut: autosave with conflict detection, the light review before publishing
-- (approvals and per-item comments per version), and action items that survive agenda edits.
-- Domain rules: bot/src/domain/minutes.ts.

-- revision: raised by every saved change; a writer sends the revision it started from, so a
-- stale save is refused instead of overwriting someone else's. updated_*: the last save, which
-- tells an editing session from the next (audit). ALTER … ADD COLUMN with a constant default
-- rewrites no row, so the published-minutes trigger from 001 is not woken.
ALTER TABLE minutes
  ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
  ADD COLUMN updated_at timestamptz,
  ADD COLUMN updated_by_person_id text,
  ADD CONSTRAINT minutes_updated_by_fkey FOREIGN KEY (tenant_id, updated_by_person_id) REFERENCES person (tenant_id, id),
  ADD CONSTRAINT minutes_body_is_object CHECK (jsonb_typeof(body) = 'object');

-- At most one draft per meeting: a correction starts only once the previous version is published.
CREATE UNIQUE INDEX minutes_one_draft ON minutes (tenant_id, meeting_id) WHERE status = 'draft';

-- An approval names the revision it saw: a later change makes it an approval of an earlier text.
CREATE TABLE minutes_approval (
  tenant_id   text NOT NULL,
  group_id    text NOT NULL,
  meeting_id  text NOT NULL,
  version     integer NOT NULL,
  person_id   text NOT NULL,
  revision    integer NOT NULL CHECK (revision >= 1),
  approved_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id, version, person_id),
  FOREIGN KEY (tenant_id, meeting_id, version) REFERENCES minutes (tenant_id, meeting_id, version),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);

-- A reviewer's comment on one agenda item of one version. No foreign key to agenda_item: a
-- comment stays on record when its item later leaves the agenda.
CREATE TABLE minutes_comment (
  tenant_id      text NOT NULL,
  id             text NOT NULL,
  group_id       text NOT NULL,
  meeting_id     text NOT NULL,
  version        integer NOT NULL,
  agenda_item_id text NOT NULL CHECK (btrim(agenda_item_id) <> ''),
  person_id      text NOT NULL,
  body           text NOT NULL CHECK (char_length(btrim(body)) BETWEEN 1 AND 2000),
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id, version) REFERENCES minutes (tenant_id, meeting_id, version),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX minutes_comment_version_idx ON minutes_comment (tenant_id, meeting_id, version, created_at);

-- The review of a published version is part of the record: no approval or comment is added to,
-- changed in or removed from it afterwards.
CREATE FUNCTION minutes_review_refuse_published() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND EXISTS (
    SELECT 1 FROM minutes m
    WHERE m.tenant_id = OLD.tenant_id AND m.meeting_id = OLD.meeting_id AND m.version = OLD.version AND m.status = 'published'
  ) THEN
    RAISE EXCEPTION 'minutes % version % are published: their review is closed', OLD.meeting_id, OLD.version
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP <> 'DELETE' AND EXISTS (
    SELECT 1 FROM minutes m
    WHERE m.tenant_id = NEW.tenant_id AND m.meeting_id = NEW.meeting_id AND m.version = NEW.version AND m.status = 'published'
  ) THEN
    RAISE EXCEPTION 'minutes % version % are published: their review is closed', NEW.meeting_id, NEW.version
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER minutes_approval_published_lock
  BEFORE INSERT OR UPDATE OR DELETE ON minutes_approval
  FOR EACH ROW EXECUTE FUNCTION minutes_review_refuse_published();

CREATE TRIGGER minutes_comment_published_lock
  BEFORE INSERT OR UPDATE OR DELETE ON minutes_comment
  FOR EACH ROW EXECUTE FUNCTION minutes_review_refuse_published();

-- Actions: an order under their agenda item, a title of at most 300 characters, and they stay
-- with the meeting when their agenda item is removed (only agenda_item_id is cleared; SET NULL
-- with a column list needs PostgreSQL 15, which is what we run on). 001 declared the key as a
-- table constraint, so PostgreSQL named it <table>_<columns>_fkey; no IF EXISTS, so a different
-- name fails here rather than leaving the old rule in place.
ALTER TABLE action_item DROP CONSTRAINT action_item_tenant_id_agenda_item_id_fkey;
ALTER TABLE action_item
  ADD COLUMN position integer NOT NULL DEFAULT 1 CHECK (position >= 1),
  ADD CONSTRAINT action_item_title_length CHECK (char_length(title) <= 300),
  ADD CONSTRAINT action_item_agenda_item_fkey
    FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_item (tenant_id, id) ON DELETE SET NULL (agenda_item_id);
CREATE INDEX action_item_meeting_idx ON action_item (tenant_id, meeting_id);
