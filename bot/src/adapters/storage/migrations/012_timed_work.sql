-- Timed work (issue 6): reminders and calls that go out on their own, derived from meetings,
-- actions and group settings (bot/src/domain/timed-work.ts). pg-boss keeps the jobs in its own
-- schema; these tables say what Arbetsrum wanted planned and how each run went.

-- One row per meeting whose timed work must be planned again. Raised by a trigger on every change
-- that moves a run (the meeting's time or status, its actions' due dates, owners and status, the
-- group's lead times), so no code path that saves one can forget. The worker plans it (schedules
-- new runs, cancels gone ones) and sets planned_at; leased like the other outboxes.
CREATE TABLE timed_plan (
  tenant_id       text NOT NULL,
  group_id        text NOT NULL,
  meeting_id      text NOT NULL,
  wanted_at       timestamptz NOT NULL,
  planned_at      timestamptz,
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error      text,
  next_attempt_at timestamptz NOT NULL,
  lease_until     timestamptz,
  PRIMARY KEY (tenant_id, meeting_id),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id)
);
CREATE INDEX timed_plan_due_idx ON timed_plan (next_attempt_at) WHERE planned_at IS NULL OR planned_at < wanted_at;

-- Every run Arbetsrum planned, by its key (`<kind>:<subject>:<local day>`): the key is also the
-- pg-boss job's id, so the two never disagree about which run is which. The strategists' and
-- `npm run jobs`' view of pending, done and failed work; outcome holds counts, never names.
CREATE TABLE timed_run (
  tenant_id  text NOT NULL,
  key        text NOT NULL CHECK (btrim(key) <> ''),
  group_id   text NOT NULL,
  meeting_id text NOT NULL,
  kind       text NOT NULL,
  subject_id text NOT NULL,
  run_at     timestamptz NOT NULL,
  state      text NOT NULL CHECK (state IN ('scheduled', 'running', 'done', 'failed', 'cancelled')),
  attempts   integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  outcome    jsonb,
  last_error text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, key),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id)
);
CREATE INDEX timed_run_meeting_idx ON timed_run (tenant_id, meeting_id);
CREATE INDEX timed_run_group_idx ON timed_run (tenant_id, group_id, run_at);

-- An action owner's answer to the status request before a meeting (Klar / Pågår / Hinder and a
-- comment): the follow-up section of that meeting's agenda shows them.
CREATE TABLE action_status_report (
  tenant_id      text NOT NULL,
  action_id      text NOT NULL,
  for_meeting_id text NOT NULL,
  person_id      text NOT NULL,
  status         text NOT NULL CHECK (status IN ('done', 'in_progress', 'blocked')),
  comment        text NOT NULL DEFAULT '' CHECK (char_length(comment) <= 1000),
  answered_at    timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, action_id, for_meeting_id),
  FOREIGN KEY (tenant_id, action_id) REFERENCES action_item (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, for_meeting_id) REFERENCES meeting (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);

-- Database time orders the wishes; next_attempt_at '-infinity' makes a wish due at once whatever
-- clock the application runs on (as meeting_calendar does).
CREATE FUNCTION timed_plan_want(t text, g text, m text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO timed_plan (tenant_id, group_id, meeting_id, wanted_at, next_attempt_at)
  VALUES (t, g, m, date_trunc('milliseconds', clock_timestamp()), '-infinity')
  ON CONFLICT (tenant_id, meeting_id) DO UPDATE SET
    wanted_at = GREATEST(timed_plan.wanted_at + interval '1 millisecond', excluded.wanted_at),
    next_attempt_at = '-infinity', attempts = 0;
END;
$$;

CREATE FUNCTION meeting_wants_timed_plan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM timed_plan_want(NEW.tenant_id, NEW.group_id, NEW.id);
  RETURN NEW;
END;
$$;
CREATE TRIGGER timed_plan_meeting_insert AFTER INSERT ON meeting FOR EACH ROW EXECUTE FUNCTION meeting_wants_timed_plan();
CREATE TRIGGER timed_plan_meeting_update AFTER UPDATE ON meeting FOR EACH ROW
  WHEN ((OLD.starts_at, OLD.status) IS DISTINCT FROM (NEW.starts_at, NEW.status))
  EXECUTE FUNCTION meeting_wants_timed_plan();

-- An action's reminders belong to the meeting that decided it.
CREATE FUNCTION action_wants_timed_plan() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM timed_plan_want(OLD.tenant_id, OLD.group_id, OLD.meeting_id);
  ELSE
    PERFORM timed_plan_want(NEW.tenant_id, NEW.group_id, NEW.meeting_id);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER timed_plan_action_change AFTER INSERT OR DELETE ON action_item FOR EACH ROW EXECUTE FUNCTION action_wants_timed_plan();
CREATE TRIGGER timed_plan_action_update AFTER UPDATE ON action_item FOR EACH ROW
  WHEN ((OLD.due_date, OLD.status, OLD.owner_person_id) IS DISTINCT FROM (NEW.due_date, NEW.status, NEW.owner_person_id))
  EXECUTE FUNCTION action_wants_timed_plan();

-- New lead times move every run of the group's meetings still ahead.
CREATE FUNCTION group_wants_timed_plan() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  m record;
BEGIN
  FOR m IN SELECT id FROM meeting WHERE tenant_id = NEW.tenant_id AND group_id = NEW.id LOOP
    PERFORM timed_plan_want(NEW.tenant_id, NEW.id, m.id);
  END LOOP;
  RETURN NEW;
END;
$$;
CREATE TRIGGER timed_plan_group_settings AFTER UPDATE ON work_group FOR EACH ROW
  WHEN (OLD.settings IS DISTINCT FROM NEW.settings)
  EXECUTE FUNCTION group_wants_timed_plan();

-- Meetings that exist already get planned once.
INSERT INTO timed_plan (tenant_id, group_id, meeting_id, wanted_at, next_attempt_at)
SELECT tenant_id, group_id, id, date_trunc('milliseconds', clock_timestamp()), '-infinity' FROM meeting;
