-- Publishing outside Arbetsrum (Microsoft Graph): the document in SharePoint, the mail, the
-- announcement, and each meeting's event in the group calendar. Domain rules:
-- bot/src/domain/publication.ts.

-- The Microsoft 365 group behind the team (Teams' aadGroupId): its drive is the group's
-- gemensamt arbetsrum, its calendar holds the meetings. Null until known.
ALTER TABLE work_group ADD COLUMN m365_group_id text;

-- One row per published version: the outbox the publishing job works through. Written in the
-- publish transaction, so a publication is never lost between the commit and the job.
CREATE TABLE publication (
  tenant_id              text NOT NULL,
  group_id               text NOT NULL,
  meeting_id             text NOT NULL,
  version                integer NOT NULL,
  published_by_person_id text,
  created_at             timestamptz NOT NULL,
  -- Who gets the mail, as decided at publishing: the record of who received what.
  recipients             jsonb NOT NULL CHECK (jsonb_typeof(recipients) = 'array'),
  document_path          text NOT NULL CHECK (btrim(document_path) <> ''),
  document_url           text,
  document_stored_at     timestamptz,
  mailed_at              timestamptz,
  announced_at           timestamptz,
  completed_at           timestamptz,
  attempts               integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error             text,
  next_attempt_at        timestamptz NOT NULL,
  -- One worker at a time: a run takes the lease; a crashed run's lease runs out.
  lease_until            timestamptz,
  PRIMARY KEY (tenant_id, meeting_id, version),
  FOREIGN KEY (tenant_id, meeting_id, version) REFERENCES minutes (tenant_id, meeting_id, version),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id)
);
CREATE INDEX publication_due_idx ON publication (next_attempt_at) WHERE completed_at IS NULL;

-- A batch of ≤ 500 recipients is one sendMail. "sending" is written before the call, so after a
-- crash the batch is looked up in Sent Items by its marker before it is sent again.
CREATE TABLE publication_mail (
  tenant_id  text NOT NULL,
  meeting_id text NOT NULL,
  version    integer NOT NULL,
  batch      integer NOT NULL CHECK (batch >= 1),
  recipients jsonb NOT NULL CHECK (jsonb_typeof(recipients) = 'array'),
  marker     text NOT NULL UNIQUE,
  state      text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent')),
  -- When the send was last attempted: Sent Items may lag a few minutes behind Graph's answer.
  sending_at timestamptz,
  sent_at    timestamptz,
  PRIMARY KEY (tenant_id, meeting_id, version, batch),
  FOREIGN KEY (tenant_id, meeting_id, version) REFERENCES publication (tenant_id, meeting_id, version),
  CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);

-- Publications are part of the public record (who received what, when): never deleted.
CREATE FUNCTION publication_refuse_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a publication record is kept for good' USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER publication_keep BEFORE DELETE ON publication FOR EACH ROW EXECUTE FUNCTION publication_refuse_delete();
CREATE TRIGGER publication_mail_keep BEFORE DELETE ON publication_mail FOR EACH ROW EXECUTE FUNCTION publication_refuse_delete();

-- "Jag har återrapporterat": a delegate has reported the minutes back to their förvaltning.
CREATE TABLE re_report (
  tenant_id   text NOT NULL,
  group_id    text NOT NULL,
  meeting_id  text NOT NULL,
  person_id   text NOT NULL,
  reported_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id, person_id),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);

-- The meeting's event in the group calendar. wanted_at is raised by every change a member would
-- see in Outlook (time, place, cancelling, the kallelse's agenda); the job brings the event up to
-- date and sets synced_at. The event is created with the meeting id as Graph's transactionId, so
-- a retried create makes no second event.
CREATE TABLE meeting_calendar (
  tenant_id       text NOT NULL,
  group_id        text NOT NULL,
  meeting_id      text NOT NULL,
  event_id        text,
  wanted_at       timestamptz NOT NULL,
  synced_at       timestamptz,
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error      text,
  next_attempt_at timestamptz NOT NULL,
  lease_until     timestamptz,
  PRIMARY KEY (tenant_id, meeting_id),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id)
);
CREATE INDEX meeting_calendar_due_idx ON meeting_calendar (next_attempt_at) WHERE synced_at IS NULL OR synced_at < wanted_at;

-- Every stored change to a meeting that Outlook shows asks for its event to be brought up to
-- date: a trigger, so no code path that saves a meeting (planning, seeding, editing, cancelling,
-- the kallelse) can forget. Held and minutes_published change nothing in the event.
-- Database time orders the wishes, in milliseconds (what the application's Date can hold back
-- as synced_at); next_attempt_at '-infinity' makes it due at once whatever clock the application runs on.
CREATE FUNCTION meeting_wants_calendar() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO meeting_calendar (tenant_id, group_id, meeting_id, wanted_at, next_attempt_at)
  VALUES (NEW.tenant_id, NEW.group_id, NEW.id, date_trunc('milliseconds', clock_timestamp()), '-infinity')
  ON CONFLICT (tenant_id, meeting_id) DO UPDATE SET
    wanted_at = GREATEST(meeting_calendar.wanted_at + interval '1 millisecond', excluded.wanted_at),
    next_attempt_at = '-infinity', attempts = 0;
  RETURN NEW;
END;
$$;
CREATE TRIGGER meeting_calendar_insert AFTER INSERT ON meeting FOR EACH ROW EXECUTE FUNCTION meeting_wants_calendar();
CREATE TRIGGER meeting_calendar_update AFTER UPDATE ON meeting FOR EACH ROW
  WHEN (
    (OLD.title, OLD.starts_at, OLD.duration_minutes, OLD.place, OLD.online_url, OLD.chair_person_id)
      IS DISTINCT FROM (NEW.title, NEW.starts_at, NEW.duration_minutes, NEW.place, NEW.online_url, NEW.chair_person_id)
    OR (OLD.status = 'cancelled') <> (NEW.status = 'cancelled')
    OR (OLD.status = 'planned') <> (NEW.status = 'planned')
  ) EXECUTE FUNCTION meeting_wants_calendar();
