-- Sub-groups (delgrupper, issue 8): started from an agenda item with a mandate, members from
-- several organisations, a convenor and a deadline. The report-back meeting is not stored: it is
-- derived from the deadline and the group's meetings (bot/src/domain/sub-group.ts), so it follows
-- moved, cancelled and new meetings by itself.

CREATE TABLE sub_group (
  tenant_id             text NOT NULL,
  id                    text NOT NULL,
  group_id              text NOT NULL,
  name                  text NOT NULL CHECK (btrim(name) <> '' AND char_length(name) <= 120),
  mandate               text NOT NULL CHECK (btrim(mandate) <> '' AND char_length(mandate) <= 2000),
  origin_meeting_id     text NOT NULL,
  -- No foreign key: an agenda edit replaces the meeting's items, and the sub-group outlives that.
  origin_agenda_item_id text NOT NULL,
  origin_item_title     text NOT NULL,
  -- Null once the convenor's data was erased (the strategists then name another member).
  convenor_person_id    text,
  deadline              date NOT NULL,
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'reported', 'closed')),
  created_at            timestamptz NOT NULL,
  updated_at            timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id, origin_meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, convenor_person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX sub_group_group_idx ON sub_group (tenant_id, group_id, deadline);

CREATE TABLE sub_group_member (
  tenant_id    text NOT NULL,
  sub_group_id text NOT NULL,
  person_id    text NOT NULL,
  PRIMARY KEY (tenant_id, sub_group_id, person_id),
  FOREIGN KEY (tenant_id, sub_group_id) REFERENCES sub_group (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX sub_group_member_person_idx ON sub_group_member (tenant_id, person_id);

-- The convenor's reminder is timed work of the report-back meeting (ADR 0012). Which meeting that
-- is changes with the sub-group (deadline, status, convenor) and with any meeting of the group
-- (time, status, a new one), so either change asks every meeting of the group to be planned again.
-- Planning twice changes nothing; only groups with an active sub-group pay for it.
CREATE FUNCTION sub_group_wants_timed_plan(t text, g text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  m record;
BEGIN
  FOR m IN SELECT id FROM meeting WHERE tenant_id = t AND group_id = g LOOP
    PERFORM timed_plan_want(t, g, m.id);
  END LOOP;
END;
$$;

CREATE FUNCTION sub_group_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sub_group_wants_timed_plan(NEW.tenant_id, NEW.group_id);
  RETURN NULL;
END;
$$;
CREATE TRIGGER timed_plan_sub_group_insert AFTER INSERT ON sub_group FOR EACH ROW EXECUTE FUNCTION sub_group_changed();
CREATE TRIGGER timed_plan_sub_group_update AFTER UPDATE ON sub_group FOR EACH ROW
  WHEN ((OLD.deadline, OLD.status, OLD.convenor_person_id) IS DISTINCT FROM (NEW.deadline, NEW.status, NEW.convenor_person_id))
  EXECUTE FUNCTION sub_group_changed();

CREATE FUNCTION meeting_moves_report_back() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM sub_group WHERE tenant_id = NEW.tenant_id AND group_id = NEW.group_id AND status = 'active') THEN
    PERFORM sub_group_wants_timed_plan(NEW.tenant_id, NEW.group_id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER timed_plan_report_back_meeting_insert AFTER INSERT ON meeting FOR EACH ROW EXECUTE FUNCTION meeting_moves_report_back();
CREATE TRIGGER timed_plan_report_back_meeting_update AFTER UPDATE ON meeting FOR EACH ROW
  WHEN ((OLD.starts_at, OLD.status) IS DISTINCT FROM (NEW.starts_at, NEW.status))
  EXECUTE FUNCTION meeting_moves_report_back();
