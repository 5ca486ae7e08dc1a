/**
 * Autosave for the minutes: a save 1.5 s after the writer stops typing, one save at a time,
 * from the revision the text was written on. When someone else saved in between, nothing is
 * overwritten: the writer is shown the conflict and chooses which text stands.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, asApiError } from '../../api';
import { isStaleRevision, type Minutes, type MinutesCalls } from './minutes-api';
import { contentKey, draftBody, editableFrom, shapeOf, type DraftShape, type EditableMinutes } from './minutes-draft';

export const AUTOSAVE_DELAY_MS = 1_500;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; error: ApiError }
  /** Someone else saved first; `current` is what stands now (null if it could not be read). */
  | { kind: 'conflict'; current: Minutes | null }
  /** Published meanwhile: nothing more can be saved. */
  | { kind: 'locked' };

export interface Autosave {
  editable: EditableMinutes;
  state: SaveState;
  /** Unsaved changes (waiting, being saved, or refused). */
  dirty: boolean;
  update(change: (editable: EditableMinutes) => EditableMinutes): void;
  /** Save now (a retry, or before approving). */
  saveNow(): Promise<void>;
  /** After a conflict: take the saved text and drop mine. */
  takeCurrent(): void;
  /** After a conflict: save my text over the current one. */
  keepMine(): void;
}

export function useMinutesAutosave(calls: MinutesCalls, initial: Minutes, onSaved: (minutes: Minutes) => void): Autosave {
  const meetingId = initial.meeting.id;
  const [editable, setEditable] = useState<EditableMinutes>(() => editableFrom(initial));
  const [state, setState] = useState<SaveState>(() => (initial.updatedAt ? { kind: 'saved', at: initial.updatedAt } : { kind: 'idle' }));
  const editableRef = useRef(editable);
  const revision = useRef(initial.revision);
  const shape = useRef<DraftShape>(shapeOf(initial));
  const savedKey = useRef(contentKey(draftBody(editable, shape.current, 0)));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  /** A conflict or a lock waits for the writer's decision: no save until then. */
  const blocked = useRef(false);
  const mounted = useRef(true);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const set = (next: SaveState): void => {
    if (mounted.current) setState(next);
  };
  const hasChanges = (): boolean => contentKey(draftBody(editableRef.current, shape.current, 0)) !== savedKey.current;

  const save = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (blocked.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const body = draftBody(editableRef.current, shape.current, revision.current);
    const key = contentKey(body);
    if (key === savedKey.current) return;
    inFlight.current = true;
    set({ kind: 'saving' });
    try {
      const saved = await calls.save(meetingId, body);
      revision.current = saved.revision;
      savedKey.current = key;
      shape.current = shapeOf(saved);
      if (mounted.current) onSavedRef.current(saved);
      set(hasChanges() ? { kind: 'pending' } : { kind: 'saved', at: new Date().toISOString() });
    } catch (error) {
      if (isStaleRevision(error)) {
        blocked.current = true;
        set({ kind: 'conflict', current: await calls.get(meetingId).catch(() => null) });
      } else if (error instanceof ApiError && error.status === 409) {
        blocked.current = true;
        set({ kind: 'locked' });
      } else {
        set({ kind: 'error', error: asApiError(error) });
      }
    } finally {
      inFlight.current = false;
    }
    if (again.current) {
      again.current = false;
      await save();
    }
  }, [calls, meetingId]);

  const update = useCallback(
    (change: (editable: EditableMinutes) => EditableMinutes) => {
      const next = change(editableRef.current);
      editableRef.current = next;
      setEditable(next);
      if (blocked.current) return;
      clearTimeout(timer.current);
      if (!hasChanges()) return;
      if (!inFlight.current) set({ kind: 'pending' });
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  const takeCurrent = useCallback(() => {
    if (state.kind !== 'conflict' || !state.current) return;
    const current = state.current;
    const next = editableFrom(current);
    editableRef.current = next;
    setEditable(next);
    revision.current = current.revision;
    shape.current = shapeOf(current);
    savedKey.current = contentKey(draftBody(next, shape.current, 0));
    blocked.current = false;
    onSavedRef.current(current);
    set(current.updatedAt ? { kind: 'saved', at: current.updatedAt } : { kind: 'idle' });
  }, [state]);

  const keepMine = useCallback(() => {
    if (state.kind !== 'conflict' || !state.current) return;
    revision.current = state.current.revision;
    shape.current = shapeOf(state.current);
    blocked.current = false;
    void save();
  }, [state, save]);

  // Leaving the view saves what is waiting; leaving the page with unsaved text asks first.
  useEffect(() => {
    mounted.current = true;
    const beforeUnload = (event: BeforeUnloadEvent): void => {
      if (inFlight.current || hasChanges()) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      mounted.current = false;
      if (!blocked.current && hasChanges()) void save();
      clearTimeout(timer.current);
    };
    // Once per editor: the refs carry everything else.
  }, []);

  const dirty = state.kind === 'pending' || state.kind === 'saving' || state.kind === 'error' || state.kind === 'conflict';
  return { editable, state, dirty, update, saveNow: save, takeCurrent, keepMine };
}
