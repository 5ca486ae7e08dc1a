-- Attendance answers, second cut: the kallelse asks *Kommer*, *Kommer inte* or *Ersättare kommer*
-- (with the substitute's name), as domain/attendance.ts has it. "maybe" is gone.

-- 001 allowed 'maybe'; such an answer is no longer one we know, so it becomes "not answered".
UPDATE attendance SET rsvp = NULL WHERE rsvp = 'maybe';

-- 001 declared the check inline on the column, so PostgreSQL (and PGlite, the same engine) named
-- it <table>_<column>_check. No IF EXISTS: if it were named otherwise, the old check would stay
-- and refuse 'substitute', so better to fail here than later.
ALTER TABLE attendance DROP CONSTRAINT attendance_rsvp_check;

ALTER TABLE attendance
  ADD COLUMN substitute_name text,
  ADD CONSTRAINT attendance_rsvp_check CHECK (rsvp IN ('yes', 'no', 'substitute')),
  -- SUBSTITUTE_NAME_MAX characters; char_length counts characters, as the domain does.
  ADD CONSTRAINT attendance_substitute_name_length CHECK (char_length(substitute_name) BETWEEN 1 AND 200),
  -- A name exactly when a substitute comes (a row without an answer has no name either).
  ADD CONSTRAINT attendance_substitute_name_when_substitute
    CHECK ((rsvp IS NOT DISTINCT FROM 'substitute') = (substitute_name IS NOT NULL));
