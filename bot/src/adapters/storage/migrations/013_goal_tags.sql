-- Goal tags beyond proposals: agenda items and actions carry goals, decisions count under their
-- agenda item's goals, and a group's local goals can be retired. docs/decisions/0013-goal-tags.md
-- says why the tags are stored as a *choice*: an item with no choice follows its proposal's goals,
-- an action with none follows its agenda item's (bot/src/domain/goal-tags.ts), so every door that
-- makes items or actions (agenda builder, minutes, later sub-groups) needs to know nothing of goals.

-- A retired local goal is offered no more but keeps its tags, so past counts stay as they were.
ALTER TABLE goal ADD COLUMN retired_at timestamptz;
ALTER TABLE goal ADD CONSTRAINT goal_retire_local_only CHECK (retired_at IS NULL OR framework = 'local');

-- A strategist chose this agenda item's goals (maybe none): from then on it no longer follows its
-- proposal. Removing the item removes its choice and tags (ON DELETE CASCADE), as the agenda
-- builder removes items by DELETE.
CREATE TABLE agenda_item_goal_choice (
  tenant_id      text NOT NULL,
  agenda_item_id text NOT NULL,
  chosen_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, agenda_item_id),
  FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_item (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE agenda_item_goal (
  tenant_id      text NOT NULL,
  agenda_item_id text NOT NULL,
  goal_id        text NOT NULL,
  PRIMARY KEY (tenant_id, agenda_item_id, goal_id),
  FOREIGN KEY (tenant_id, agenda_item_id) REFERENCES agenda_item_goal_choice (tenant_id, agenda_item_id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, goal_id) REFERENCES goal (tenant_id, id)
);

CREATE TABLE action_goal_choice (
  tenant_id text NOT NULL,
  action_id text NOT NULL,
  chosen_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, action_id),
  FOREIGN KEY (tenant_id, action_id) REFERENCES action_item (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE action_goal (
  tenant_id text NOT NULL,
  action_id text NOT NULL,
  goal_id   text NOT NULL,
  PRIMARY KEY (tenant_id, action_id, goal_id),
  FOREIGN KEY (tenant_id, action_id) REFERENCES action_goal_choice (tenant_id, action_id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, goal_id) REFERENCES goal (tenant_id, id)
);

-- The overview counts per goal: find the tags of one goal without a scan.
CREATE INDEX agenda_item_goal_goal_idx ON agenda_item_goal (tenant_id, goal_id);
CREATE INDEX action_goal_goal_idx ON action_goal (tenant_id, goal_id);
CREATE INDEX proposal_goal_goal_idx ON proposal_goal (tenant_id, goal_id);
