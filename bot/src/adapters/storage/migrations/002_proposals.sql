-- Proposals, second cut: what domain/proposal.ts carries that 001 did not. 001 may already be
-- applied with proposals in it, so every new column is nullable or has a default.

-- The meeting the proposer asked for; `meeting_id` is where it went (a late proposal moves on).
-- Same group as the proposal, like meeting_id.
ALTER TABLE proposal
  ADD COLUMN requested_meeting_id text,
  ADD COLUMN late boolean NOT NULL DEFAULT false,
  -- Why it was declined, or a note with a deferral (PROPOSAL_LIMITS.declineReasonMax).
  ADD COLUMN decision_note text,
  -- The form's one-time key: a double click or a retried submit stores one proposal.
  ADD COLUMN submission_key text,
  ADD CONSTRAINT proposal_requested_meeting_fkey
    FOREIGN KEY (tenant_id, group_id, requested_meeting_id) REFERENCES meeting (tenant_id, group_id, id),
  ADD CONSTRAINT proposal_decision_note_length CHECK (char_length(decision_note) <= 1000);

-- The use case looks the key up first; this index is the last line of defence when two
-- submits race: the second insert fails with 23505 (unique_violation).
CREATE UNIQUE INDEX proposal_submission_key ON proposal (tenant_id, submission_key) WHERE submission_key IS NOT NULL;

-- "My proposals", newest first. Listing by (tenant_id, group_id, meeting_id) already has
-- proposal_meeting_idx from 001.
CREATE INDEX proposal_proposer_idx ON proposal (tenant_id, proposer_person_id, created_at);
