-- Proactive sends, second cut: the call for proposals reaches every member and records who was
-- reached (delivery, from 001) and who answered "nothing to propose" (call_response, new here).

-- A member's answer to a call for proposals other than a proposal. One answer per member and
-- meeting: answering again replaces it. The meeting carries the group, so the row cannot claim
-- a group other than its meeting's.
CREATE TABLE call_response (
  tenant_id  text NOT NULL REFERENCES tenant (id),
  group_id   text NOT NULL,
  meeting_id text NOT NULL,
  person_id  text NOT NULL,
  answer     text NOT NULL CHECK (answer IN ('nothing-to-propose')),
  at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, meeting_id, person_id),
  FOREIGN KEY (tenant_id, group_id) REFERENCES work_group (tenant_id, id),
  FOREIGN KEY (tenant_id, group_id, meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);

-- "Who was not reached by this call": a group's deliveries of one kind in some states.
-- (001 only has a partial index on pending deliveries by tenant.)
CREATE INDEX IF NOT EXISTS delivery_group_kind_state_idx ON delivery (tenant_id, group_id, kind, state);

-- Finding where to reach someone: a person's personal chat, a group's team channel.
CREATE INDEX IF NOT EXISTS conversation_reference_person_idx ON conversation_reference (tenant_id, person_id);
CREATE INDEX IF NOT EXISTS conversation_reference_group_kind_idx ON conversation_reference (tenant_id, group_id, kind);
