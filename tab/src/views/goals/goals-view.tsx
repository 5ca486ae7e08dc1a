/**
 * Mål: for every goal the group sees — the global goals, the miljökvalitetsmål and the group's
 * local goals, in official order — how many proposals, agenda items, decisions and actions carry
 * it, for all time or a period; a goal's lists in a dialog (the goal's id in the URL, so a link
 * opens it). Strategists also link items and actions to goals and keep the local goals.
 */
import { Button, Checkbox, Field, Input, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { pageText, useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { GoalCountTable } from './goal-count-table';
import { GoalDetailDialog } from './goal-detail-dialog';
import { GoalTaggingSection } from './goal-tagging-section';
import { getGoalOverview, GOAL_FRAMEWORKS, TAGGED_KINDS, type GoalFramework, type Period } from './goals-api';
import { useGoalsStrings } from './goals-strings';
import { LocalGoalsSection } from './local-goals-section';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  intro: pageText.intro,
  h2: pageText.h2,
  h3: pageText.h3,
  lead: pageText.lead,
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  field: { minWidth: 0, maxWidth: '100%' },
  date: { width: '11.5em', maxWidth: '100%' },
  framework: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

/** The period as the URL-free state of the view: applied only when both days are given. */
function PeriodFilter({ applied, onApply }: { applied: Period | null; onApply: (period: Period | null) => void }) {
  const styles = useStyles();
  const s = useGoalsStrings();
  const [from, setFrom] = useState(applied?.from ?? '');
  const [to, setTo] = useState(applied?.to ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className={styles.filters}
      onSubmit={(event) => {
        event.preventDefault();
        if (from === '' || to === '') return setProblem(s.periodBoth);
        setProblem(null);
        onApply({ from, to });
      }}
    >
      <Field label={s.from} className={styles.field} validationMessage={problem ?? undefined}>
        <Input type="date" className={styles.date} value={from} onChange={(_, data) => setFrom(data.value)} />
      </Field>
      <Field label={s.to} className={styles.field}>
        <Input type="date" className={styles.date} value={to} onChange={(_, data) => setTo(data.value)} />
      </Field>
      <Button type="submit">{s.showPeriod}</Button>
      <Button
        disabled={applied === null}
        onClick={() => {
          setFrom('');
          setTo('');
          setProblem(null);
          onApply(null);
        }}
      >
        {s.allTime}
      </Button>
    </form>
  );
}

export default function GoalsView({ api, group, arg, navigate }: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useGoalsStrings();
  const headingId = useId();
  const idBase = useId();
  const [period, setPeriod] = useState<Period | null>(null);
  const [framework, setFramework] = useState<GoalFramework | 'all'>('all');
  const [hideZero, setHideZero] = useState(false);
  const overview = useResource((signal) => getGoalOverview(api, group.id, period, signal), [api, group.id, period]);
  const data = overview.data;
  const allGoals = data ? data.frameworks.flatMap((f) => f.goals) : [];

  const shown = data
    ? data.frameworks
        .filter((f) => framework === 'all' || f.framework === framework)
        .map((f) => ({ ...f, goals: f.goals.filter((g) => !hideZero || TAGGED_KINDS.some((k) => g.counts[k] > 0)) }))
        .filter((f) => f.goals.length > 0)
    : [];

  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <h2 id={headingId} className={styles.h2}>
          {s.title}
        </h2>
        <p className={styles.lead}>{s.intro}</p>
      </div>
      <PeriodFilter applied={period} onApply={setPeriod} />
      <div className={styles.filters} role="group" aria-label={s.filtersLabel}>
        <Field label={s.frameworkFilter} className={styles.field}>
          <Select value={framework} onChange={(_, d) => setFramework(d.value as GoalFramework | 'all')}>
            <option value="all">{s.allFrameworks}</option>
            {GOAL_FRAMEWORKS.map((f) => (
              <option key={f} value={f}>
                {s.frameworks[f]}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox checked={hideZero} onChange={(_, d) => setHideZero(d.checked === true)} label={s.hideZero} />
      </div>
      <p className={styles.lead} role="status">
        {period ? s.periodShown(period.from, period.to) : s.allTimeShown}
      </p>
      {!data ? (
        overview.error ? (
          <ErrorState error={overview.error} onRetry={overview.reload} />
        ) : (
          <LoadingState label={s.loading} />
        )
      ) : (
        <>
          {overview.error && <ErrorState error={overview.error} onRetry={overview.reload} />}
          {shown.length === 0 && <EmptyState>{s.noGoals}</EmptyState>}
          {shown.map((f) => (
            <div key={f.framework} className={styles.framework}>
              <h3 id={`${idBase}-${f.framework}`} className={styles.h3}>
                {s.frameworks[f.framework]}
              </h3>
              <GoalCountTable goals={f.goals} labelledBy={`${idBase}-${f.framework}`} onSelect={(goalId) => navigate('goals', goalId)} />
            </div>
          ))}
          {data.canEdit && (
            <>
              <GoalTaggingSection api={api} groupId={group.id} goals={allGoals} taggable={data.taggable} onSaved={overview.reload} />
              <LocalGoalsSection api={api} groupId={group.id} goals={allGoals} onSaved={overview.reload} />
            </>
          )}
        </>
      )}
      {arg && <GoalDetailDialog api={api} groupId={group.id} goalId={arg} period={period} onClose={() => navigate('goals')} />}
    </section>
  );
}
