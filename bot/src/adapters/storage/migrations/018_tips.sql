-- Omvärldsbevakning (issue 8): tips a member sends to the group — from the bot, from a Teams
-- message through the message extension, or from the tab — which may become agenda proposals.
CREATE TABLE tip (
  tenant_id        text NOT NULL,
  id               text NOT NULL,
  group_id         text NOT NULL,
  sender_person_id text NOT NULL,
  -- https only (checked in bot/src/domain/tip.ts); the database keeps at least the scheme.
  url              text CHECK (url IS NULL OR (url LIKE 'https://%' AND char_length(url) <= 2000)),
  comment          text NOT NULL DEFAULT '' CHECK (char_length(comment) <= 1000),
  source           text NOT NULL CHECK (source IN ('bot', 'message-extension', 'tab')),
  quote            text CHECK (quote IS NULL OR char_length(quote) <= 2000),
  status           text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'proposed', 'dismissed')),
  proposal_id      text,
  submission_key   text NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, submission_key),
  CHECK ((status = 'proposed') = (proposal_id IS NOT NULL)),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id),
  FOREIGN KEY (tenant_id, sender_person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id, proposal_id) REFERENCES proposal (tenant_id, group_id, id)
);
CREATE INDEX tip_group_idx ON tip (tenant_id, group_id, created_at DESC);
