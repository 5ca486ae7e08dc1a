-- The id Teams gave the sent message, so the message can be updated in place later (a kallelse
-- whose agenda changed) instead of sending everyone a new one.
ALTER TABLE delivery ADD COLUMN message_id text CHECK (char_length(message_id) <= 500);
