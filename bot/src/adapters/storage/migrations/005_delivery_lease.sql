-- Exactly once under concurrency: a sender leases a delivery before it sends. Two fan-outs of
-- the same message (a strategist pressing twice, two instances) cannot both send to one person:
-- only the one whose UPDATE … RETURNING gets the row sends. A lease that runs out (the process
-- died mid-send) lets a later run take the delivery over.
ALTER TABLE delivery DROP CONSTRAINT delivery_state_check;

ALTER TABLE delivery
  ADD COLUMN lease_until timestamptz,
  ADD CONSTRAINT delivery_state_check CHECK (state IN ('pending', 'sending', 'sent', 'failed'));
