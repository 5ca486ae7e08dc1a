-- Arbetsrum, first schema. Runs on PostgreSQL 15+ and on PGlite.
--
-- Every table starts its key with tenant_id, and group-owned rows carry group_id, so the schema
-- can later be distributed by tenant (Citus) without a redesign. Foreign keys include tenant_id,
-- so a row can never point at another tenant's data. Ids are text (UUIDs made by the app).
-- Group-owned parents also have a UNIQUE (tenant_id, group_id, id) so that children can refer to
-- them with their group too: an agenda item cannot claim a group other than its meeting's.
-- Enumerations are CHECK constraints (values from bot/src/domain), not enum types: adding a
-- value is then a one-line migration that also runs inside a transaction.

CREATE TABLE tenant (
  id   text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE work_group (
  tenant_id   text NOT NULL REFERENCES tenant (id),
  id          text NOT NULL,
  name        text NOT NULL CHECK (btrim(name) <> ''),
  description text NOT NULL DEFAULT '',
  team_id     text,
  settings    jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(settings) = 'object'),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);
-- One group per Team; a group not yet installed in a Team has no team_id.
CREATE UNIQUE INDEX work_group_team_key ON work_group (tenant_id, team_id) WHERE team_id IS NOT NULL;

CREATE TABLE organisation (
  tenant_id text NOT NULL,
  id        text NOT NULL,
  group_id  text NOT NULL,
  name      text NOT NULL CHECK (btrim(name) <> ''),
  kind      text NOT NULL CHECK (kind IN ('forvaltning', 'bolag', 'other')),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id)
);
CREATE INDEX organisation_group_idx ON organisation (tenant_id, group_id);

-- A person belongs to the tenant (they may sit in several groups); membership ties them to one.
CREATE TABLE person (
  tenant_id       text NOT NULL REFERENCES tenant (id),
  id              text NOT NULL,
  aad_object_id   text,
  name            text NOT NULL,
  email           text NOT NULL,
  organisation_id text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id)
);
CREATE UNIQUE INDEX person_aad_object_key ON person (tenant_id, aad_object_id) WHERE aad_object_id IS NOT NULL;
-- Mail addresses compare case-insensitively and trimmed (domain/person.ts normaliseEmail).
CREATE UNIQUE INDEX person_email_key ON person (tenant_id, lower(btrim(email)));

CREATE TABLE membership (
  tenant_id text NOT NULL,
  group_id  text NOT NULL,
  person_id text NOT NULL,
  role      text NOT NULL CHECK (role IN ('strategist', 'delegate', 'substitute', 'guest')),
  PRIMARY KEY (tenant_id, group_id, person_id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX membership_person_idx ON membership (tenant_id, person_id);

CREATE TABLE meeting (
  tenant_id        text NOT NULL,
  id               text NOT NULL,
  group_id         text NOT NULL,
  title            text NOT NULL,
  starts_at        timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
  place            text NOT NULL DEFAULT '',
  online_url       text,
  chair_person_id  text,
  status           text NOT NULL CHECK (status IN ('planned', 'called', 'held', 'minutes_published', 'cancelled')),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id),
  FOREIGN KEY (tenant_id, chair_person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX meeting_group_time_idx ON meeting (tenant_id, group_id, starts_at);

-- Goals are data: SDG 1–17 and the 16 miljökvalitetsmål are shared (group_id null); a group may
-- add its own local goals. One goal per (tenant, framework, number, group), shared counted as one.
CREATE TABLE goal (
  tenant_id text NOT NULL REFERENCES tenant (id),
  id        text NOT NULL,
  group_id  text,
  framework text NOT NULL CHECK (framework IN ('sdg', 'miljomal', 'local')),
  number    integer NOT NULL CHECK (number >= 1),
  name      text NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id),
  CHECK (framework <> 'sdg' OR number <= 17),
  CHECK (framework <> 'miljomal' OR number <= 16)
);
CREATE UNIQUE INDEX goal_natural_key ON goal (tenant_id, framework, number, (coalesce(group_id, '')));

CREATE TABLE proposal (
  tenant_id          text NOT NULL,
  id                 text NOT NULL,
  group_id           text NOT NULL,
  title              text NOT NULL CHECK (char_length(btrim(title)) BETWEEN 1 AND 120),
  description        text NOT NULL DEFAULT '' CHECK (char_length(description) <= 4000),
  kind               text NOT NULL CHECK (kind IN ('avstamning', 'diskussion', 'beslut', 'information',
                                                   'kompetensutveckling', 'omvarldsbevakning', 'samarbete')),
  organisation_id    text,
  proposer_person_id text NOT NULL,
  -- The meeting the proposal is for; null until one is chosen.
  meeting_id         text,
  minutes_needed     integer NOT NULL CHECK (minutes_needed BETWEEN 5 AND 60),
  status             text NOT NULL DEFAULT 'submitted'
                       CHECK (status IN ('submitted', 'accepted', 'deferred', 'declined', 'withdrawn')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id),
  FOREIGN KEY (tenant_id, proposer_person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id)
);
CREATE INDEX proposal_meeting_idx ON proposal (tenant_id, group_id, meeting_id);

CREATE TABLE proposal_goal (
  tenant_id   text NOT NULL,
  proposal_id text NOT NULL,
  goal_id     text NOT NULL,
  PRIMARY KEY (tenant_id, proposal_id, goal_id),
  FOREIGN KEY (tenant_id, proposal_id) REFERENCES proposal (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, goal_id) REFERENCES goal (tenant_id, id)
);

CREATE TABLE agenda_item (
  tenant_id           text NOT NULL,
  id                  text NOT NULL,
  group_id            text NOT NULL,
  meeting_id          text NOT NULL,
  position            integer NOT NULL CHECK (position >= 1),
  title               text NOT NULL CHECK (btrim(title) <> ''),
  duration_minutes    integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
  presenter_person_id text,
  -- Set when the item came from a proposal; standing items (opening, round table) have none.
  proposal_id         text,
  standing            boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, presenter_person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id, proposal_id) REFERENCES proposal (tenant_id, group_id, id),
  -- Deferred so that a reorder (swapping positions) can run as several UPDATEs in one transaction.
  UNIQUE (tenant_id, meeting_id, position) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE attendance (
  tenant_id                text NOT NULL,
  group_id                 text NOT NULL,
  meeting_id               text NOT NULL,
  person_id                text NOT NULL,
  rsvp                     text CHECK (rsvp IN ('yes', 'no', 'maybe')),
  present                  boolean,
  substitute_for_person_id text,
  updated_at               timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, meeting_id, person_id),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, substitute_for_person_id) REFERENCES person (tenant_id, id),
  CHECK (substitute_for_person_id IS DISTINCT FROM person_id)
);

-- Minutes are versioned: a correction to published minutes is a new version, never an edit.
CREATE TABLE minutes (
  tenant_id              text NOT NULL,
  group_id               text NOT NULL,
  meeting_id             text NOT NULL,
  version                integer NOT NULL CHECK (version >= 1),
  status                 text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at           timestamptz,
  published_by_person_id text,
  body                   jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, meeting_id, version),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, published_by_person_id) REFERENCES person (tenant_id, id),
  CHECK ((status = 'published') = (published_at IS NOT NULL))
);

-- Published minutes are public records (allmänna handlingar): locked for good. The trigger is
-- the last line of defence; the app never tries.
CREATE FUNCTION minutes_refuse_published_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'minutes % version % are published and locked', OLD.meeting_id, OLD.version
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER minutes_published_lock
  BEFORE UPDATE OR DELETE ON minutes
  FOR EACH ROW EXECUTE FUNCTION minutes_refuse_published_change();

CREATE TABLE action_item (
  tenant_id       text NOT NULL,
  id              text NOT NULL,
  group_id        text NOT NULL,
  meeting_id      text NOT NULL,
  agenda_item_id  text,
  title           text NOT NULL CHECK (btrim(title) <> ''),
  owner_person_id text,
  organisation_id text,
  due_date        date,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'blocked', 'done')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_item (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id)
);
CREATE INDEX action_item_owner_idx ON action_item (tenant_id, owner_person_id, status);

-- Where the bot can reach someone again (proactive messages). `reference` is opaque here.
-- No foreign key to tenant: Teams can open a conversation from a tenant not onboarded yet, and
-- the bot still remembers it (to answer later, or once the tenant is set up).
CREATE TABLE conversation_reference (
  tenant_id       text NOT NULL,
  conversation_id text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('personal', 'channel', 'groupChat')),
  person_id       text,
  group_id        text,
  reference       jsonb NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id)
);

-- Every proactive message and mail. delivery_key names one logical send (e.g. kallelse of
-- meeting M to person P), so a retried fan-out finds the row instead of sending twice.
CREATE TABLE delivery (
  tenant_id    text NOT NULL,
  id           text NOT NULL,
  group_id     text NOT NULL,
  kind         text NOT NULL CHECK (btrim(kind) <> ''),
  target       text NOT NULL,
  delivery_key text NOT NULL,
  state        text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  attempts     integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  sent_at      timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, delivery_key),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id)
);
CREATE INDEX delivery_pending_idx ON delivery (tenant_id, state) WHERE state = 'pending';

-- The audit trail. The actor has no foreign key on purpose: system actions have no person, and
-- an actor may be a Teams user not yet known as a person.
CREATE TABLE audit_event (
  tenant_id       text NOT NULL REFERENCES tenant (id),
  id              bigserial NOT NULL,
  group_id        text,
  actor_person_id text,
  action          text NOT NULL,
  subject         text NOT NULL,
  at              timestamptz NOT NULL,
  detail          jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id)
);
CREATE INDEX audit_event_group_time_idx ON audit_event (tenant_id, group_id, at DESC, id DESC);
