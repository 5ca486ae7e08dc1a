/** Strategists keep the group's local goals: add, rename, retire and restore. */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { asApiError, type ApiClient, type ApiError } from '../../api';
import { pageText, useSharedStyles } from '../../shared-styles';
import { ErrorState } from '../status-views';
import { addLocalGoal, changeLocalGoal, LOCAL_GOAL_NAME_MAX, type GoalInfo } from './goals-api';
import { useGoalsStrings } from './goals-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  h3: pageText.h3,
  lead: pageText.lead,
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  field: { flex: '1 1 240px', minWidth: 0, maxWidth: '480px' },
});

function LocalGoalRow({
  goal,
  busy,
  change,
}: {
  goal: GoalInfo;
  busy: boolean;
  change: (goal: GoalInfo, change: { name?: string; retired?: boolean }) => void;
}) {
  const styles = useStyles();
  const s = useGoalsStrings();
  const [name, setName] = useState(goal.name);
  return (
    <li className={styles.row}>
      <Field label={`${s.frameworkShort.local} ${goal.number}${goal.retired ? ` (${s.retired})` : ''}`} className={styles.field}>
        <Input value={name} maxLength={LOCAL_GOAL_NAME_MAX} onChange={(_, data) => setName(data.value)} />
      </Field>
      <Button disabledFocusable={busy || name.trim() === '' || name === goal.name} onClick={() => change(goal, { name })}>
        {s.saveName}
      </Button>
      <Button disabledFocusable={busy} onClick={() => change(goal, { retired: !goal.retired })}>
        {goal.retired ? s.restore : s.retire}
      </Button>
    </li>
  );
}

export function LocalGoalsSection({
  api,
  groupId,
  goals,
  onSaved,
}: {
  api: ApiClient;
  groupId: string;
  goals: readonly GoalInfo[];
  onSaved: () => void;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useGoalsStrings();
  const headingId = useId();
  const own = goals.filter((g) => g.framework === 'local' && g.own);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const run = (work: () => Promise<unknown>): void => {
    setBusy(true);
    setError(null);
    work()
      .then(() => {
        setAnnouncement(s.localChanged);
        onSaved();
      })
      .catch((caught: unknown) => setError(asApiError(caught)))
      .finally(() => setBusy(false));
  };
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>
        {s.localTitle}
      </h3>
      <p className={styles.lead}>{s.localIntro}</p>
      {own.length === 0 ? (
        <p className={styles.lead}>{s.noLocal}</p>
      ) : (
        <ul className={styles.list}>
          {own.map((goal) => (
            <LocalGoalRow
              key={`${goal.id}:${goal.name}:${goal.retired}`}
              goal={goal}
              busy={busy}
              change={(g, change) => run(() => changeLocalGoal(api, groupId, g.id, change))}
            />
          ))}
        </ul>
      )}
      <form
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim() === '') return;
          run(async () => {
            await addLocalGoal(api, groupId, name);
            setName('');
          });
        }}
      >
        <Field label={s.newGoal} className={styles.field}>
          <Input value={name} maxLength={LOCAL_GOAL_NAME_MAX} onChange={(_, data) => setName(data.value)} />
        </Field>
        <Button type="submit" disabledFocusable={busy || name.trim() === ''}>
          {s.add}
        </Button>
      </form>
      {error && <ErrorState error={error} />}
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}
