-- Competence development (issue 8): the group's ledger of lectures, films, study visits and
-- external guests (status planned is the year's plan), members' suggestions and their votes.
-- Who took part is kept as counts per organisation, never as people: a report needs the numbers,
-- and names would be personal data with no use (docs/decisions/0016-competence.md).

CREATE TABLE competence_suggestion (
  tenant_id              text NOT NULL,
  id                     text NOT NULL,
  group_id               text NOT NULL,
  kind                   text NOT NULL CHECK (kind IN ('lecture', 'film', 'study_visit', 'external_guest', 'other')),
  title                  text NOT NULL CHECK (btrim(title) <> '' AND char_length(title) <= 200),
  description            text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
  link                   text CHECK (link IS NULL OR (link LIKE 'https://%' AND char_length(link) <= 500)),
  suggested_by_person_id text NOT NULL,
  status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'planned')),
  submission_key         text NOT NULL CHECK (btrim(submission_key) <> ''),
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, group_id, id),
  UNIQUE (tenant_id, submission_key),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id),
  FOREIGN KEY (tenant_id, suggested_by_person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX competence_suggestion_group_idx ON competence_suggestion (tenant_id, group_id, status, created_at);

-- One vote per person and suggestion: the key says so.
CREATE TABLE competence_vote (
  tenant_id     text NOT NULL,
  suggestion_id text NOT NULL,
  person_id     text NOT NULL,
  voted_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, suggestion_id, person_id),
  FOREIGN KEY (tenant_id, suggestion_id) REFERENCES competence_suggestion (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX competence_vote_person_idx ON competence_vote (tenant_id, person_id);

CREATE TABLE competence_activity (
  tenant_id                 text NOT NULL,
  id                        text NOT NULL,
  group_id                  text NOT NULL,
  kind                      text NOT NULL CHECK (kind IN ('lecture', 'film', 'study_visit', 'external_guest', 'other')),
  status                    text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
  activity_date             date NOT NULL,
  title                     text NOT NULL CHECK (btrim(title) <> '' AND char_length(title) <= 200),
  description               text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
  organiser_organisation_id text,
  organiser                 text NOT NULL DEFAULT '' CHECK (char_length(organiser) <= 200),
  -- [{ "url": "https://…", "label": "…" }], at most five: shown, never queried.
  links                     jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(links) = 'array' AND jsonb_array_length(links) <= 5),
  learned                   text NOT NULL DEFAULT '' CHECK (char_length(learned) <= 5000),
  suggestion_id             text,
  revision                  integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at                timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, group_id, id),
  -- A suggestion becomes at most one activity.
  UNIQUE (tenant_id, suggestion_id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id),
  FOREIGN KEY (tenant_id, organiser_organisation_id) REFERENCES organisation (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id, suggestion_id) REFERENCES competence_suggestion (tenant_id, group_id, id)
);
CREATE INDEX competence_activity_date_idx ON competence_activity (tenant_id, group_id, activity_date);

-- Participants by organisation: how many, not who.
CREATE TABLE competence_participation (
  tenant_id       text NOT NULL,
  activity_id     text NOT NULL,
  organisation_id text NOT NULL,
  participants    integer NOT NULL CHECK (participants BETWEEN 1 AND 1000),
  PRIMARY KEY (tenant_id, activity_id, organisation_id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES competence_activity (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id)
);

-- *Vad vi lärde oss* → actions: links to action items of the group's meetings. An action removed
-- from its minutes takes its link with it.
CREATE TABLE competence_activity_action (
  tenant_id   text NOT NULL,
  activity_id text NOT NULL,
  action_id   text NOT NULL,
  PRIMARY KEY (tenant_id, activity_id, action_id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES competence_activity (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, action_id) REFERENCES action_item (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX competence_activity_action_idx ON competence_activity_action (tenant_id, action_id);
