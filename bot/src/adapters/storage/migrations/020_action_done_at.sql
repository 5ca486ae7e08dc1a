-- When an action was marked done. The reports count the actions closed in a period, and an
-- action's updated_at moves with every later edit of its title or owner, so it cannot say when.
-- A trigger keeps the column, so every writer (the minutes, the owner's status answer, a future
-- one) sets it the same way: it is set when the status becomes done and cleared when it leaves
-- done. Actions done before this migration take their last change as the best date known.
ALTER TABLE action_item ADD COLUMN done_at timestamptz;
UPDATE action_item SET done_at = updated_at WHERE status = 'done';

CREATE FUNCTION action_item_keep_done_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'done' THEN
    NEW.done_at := NULL;
  ELSIF TG_OP = 'INSERT' THEN
    NEW.done_at := coalesce(NEW.done_at, NEW.updated_at);
  ELSIF OLD.status <> 'done' THEN
    NEW.done_at := NEW.updated_at;
  ELSE
    NEW.done_at := coalesce(OLD.done_at, NEW.updated_at);
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER action_item_done_at BEFORE INSERT OR UPDATE ON action_item
  FOR EACH ROW EXECUTE FUNCTION action_item_keep_done_at();
