/**
 * A reusable choice of goals: one group of check boxes per framework (global goals,
 * miljökvalitetsmål, local goals, in official order), at most GOAL_TAGS_MAX ticked. Retired
 * goals are offered only when already ticked, so a choice can keep history. `GoalPickerDialog`
 * wraps it with Spara/Avbryt (and "follow again") for an agenda item or an action; the agenda
 * editor and the Åtgärder view can use either.
 */
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { asApiError, type ApiError } from '../../api';
import { ErrorState } from '../status-views';
import { GOAL_FRAMEWORKS, GOAL_TAGS_MAX, type GoalInfo } from './goals-api';
import { useGoalsStrings } from './goals-strings';

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  surface: { maxWidth: 'min(640px, calc(100vw - 24px))', maxHeight: 'calc(100vh - 24px)' },
  content: { maxHeight: '60vh', overflowY: 'auto' },
  actions: { flexWrap: 'wrap', rowGap: tokens.spacingVerticalS },
});

export interface GoalPickerProps {
  /** The goals the group sees (as the goal overview sends them). */
  goals: readonly GoalInfo[];
  selected: readonly string[];
  onChange: (goalIds: string[]) => void;
}

export function GoalPicker({ goals, selected, onChange }: GoalPickerProps) {
  const styles = useStyles();
  const s = useGoalsStrings();
  const hintId = useId();
  const full = selected.length >= GOAL_TAGS_MAX;
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id));
  return (
    <div className={styles.picker}>
      <p id={hintId} className={styles.hint} role="status">
        {full ? s.pickerFull(GOAL_TAGS_MAX) : s.pickerHint(GOAL_TAGS_MAX)}
      </p>
      {GOAL_FRAMEWORKS.map((framework) => {
        const offered = goals
          .filter((g) => g.framework === framework && (!g.retired || selected.includes(g.id)))
          .sort((a, b) => a.number - b.number);
        if (offered.length === 0) return null;
        return (
          <fieldset key={framework} className={styles.fieldset} aria-describedby={hintId}>
            <legend className={styles.legend}>{s.frameworks[framework]}</legend>
            {offered.map((goal) => {
              const checked = selected.includes(goal.id);
              return (
                <Checkbox
                  key={goal.id}
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(_, data) => toggle(goal.id, data.checked === true)}
                  label={`${goal.number}. ${goal.name}${goal.retired ? ` (${s.retired})` : ''}`}
                />
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}

export interface GoalPickerDialogProps {
  /** The item or action's title, for the dialog's heading. */
  title: string;
  kind: 'agendaItem' | 'action';
  goals: readonly GoalInfo[];
  initial: readonly string[];
  /** True when the thing has its own choice (then it can follow its proposal or item again). */
  ownChoice: boolean;
  /** Stores the choice (null: follow again); rejects with the API's error to show it. */
  onSave: (goalIds: string[] | null) => Promise<void>;
  onClose: () => void;
}

export function GoalPickerDialog({ title, kind, goals, initial, ownChoice, onSave, onClose }: GoalPickerDialogProps) {
  const styles = useStyles();
  const s = useGoalsStrings();
  const [selected, setSelected] = useState<string[]>([...initial]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async (goalIds: string[] | null): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      await onSave(goalIds);
    } catch (caught) {
      setError(asApiError(caught));
      setSaving(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{s.chooseGoalsFor(title)}</DialogTitle>
          <DialogContent className={styles.content}>
            <GoalPicker goals={goals} selected={selected} onChange={setSelected} />
            {error && <ErrorState error={error} />}
          </DialogContent>
          <DialogActions className={styles.actions}>
            <Button appearance="primary" disabledFocusable={saving} onClick={() => void save(selected)}>
              {s.save}
            </Button>
            {ownChoice && (
              <Button disabledFocusable={saving} onClick={() => void save(null)}>
                {s.follow[kind]}
              </Button>
            )}
            <Button disabledFocusable={saving} onClick={onClose}>
              {s.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
