/** Förslag: every proposal of the group, filterable by status, organisation, kind and goal. */
import { Button, Dropdown, Field, Option, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import { pageText, useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { ProposalCard } from './proposal-card';
import { NO_FILTER, goalsIn, isFiltered, matches, newestFirst, organisationsIn, type ProposalFilter } from './proposal-filter';
import { PROPOSAL_KINDS, PROPOSAL_STATUSES, listGroupProposals } from './proposals-api';
import { useProposalsStrings } from './proposals-strings';

/** The "all" choice of every filter: a value no status, kind, goal id or organisation name takes. */
const ALL = '(all)';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  intro: pageText.intro,
  h2: pageText.h2,
  lead: pageText.lead,
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  legend: { padding: 0, marginBlockEnd: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  // Fluent's Dropdown asks for 250 px; in a 280 px side panel it must take what there is.
  dropdown: { minWidth: 0, width: '100%' },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  count: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 420px), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: { display: 'flex', minWidth: 0, '& > article': { flexGrow: 1 } },
});

export default function ProposalsView(props: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useProposalsStrings();
  const headingId = useId();
  const [filter, setFilter] = useState<ProposalFilter>(NO_FILTER);
  const { api, group } = props;
  const resource = useResource((signal) => listGroupProposals(api, group.id, signal), [api, group.id]);

  const all = useMemo(() => newestFirst(resource.data?.proposals ?? []), [resource.data]);
  const shown = useMemo(() => all.filter((p) => matches(p, filter)), [all, filter]);
  const organisations = useMemo(() => organisationsIn(all), [all]);
  const goals = useMemo(() => goalsIn(all), [all]);
  const goalText = (id: string | null): string => {
    const goal = goals.find((g) => g.id === id);
    return goal ? `${s.frameworks[goal.framework]} ${goal.number}: ${goal.name}` : s.allGoals;
  };
  const change = (key: keyof ProposalFilter) => (_event: unknown, data: { optionValue?: string | undefined }) =>
    setFilter((previous) => ({ ...previous, [key]: data.optionValue && data.optionValue !== ALL ? data.optionValue : null }));

  let body;
  if (!resource.data) {
    body = resource.error ? <ErrorState error={resource.error} onRetry={resource.reload} /> : <LoadingState label={s.loading} />;
  } else if (all.length === 0) {
    body = <EmptyState>{s.empty}</EmptyState>;
  } else {
    body = (
      <>
        <fieldset className={styles.filters}>
          <legend className={mergeClasses(styles.legend, shared.visuallyHidden)}>{s.filters}</legend>
          <Field label={s.status}>
            <Dropdown
              className={styles.dropdown}
              value={filter.status ? s.statuses[filter.status] : s.allStatuses}
              selectedOptions={[filter.status ?? ALL]}
              onOptionSelect={change('status')}
            >
              <Option value={ALL}>{s.allStatuses}</Option>
              {PROPOSAL_STATUSES.map((status) => (
                <Option key={status} value={status}>
                  {s.statuses[status]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={s.organisation}>
            <Dropdown
              className={styles.dropdown}
              value={filter.organisation ?? s.allOrganisations}
              selectedOptions={[filter.organisation ?? ALL]}
              onOptionSelect={change('organisation')}
            >
              <Option value={ALL}>{s.allOrganisations}</Option>
              {organisations.map((name) => (
                <Option key={name} value={name}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={s.kind}>
            <Dropdown
              className={styles.dropdown}
              value={filter.kind ? s.kinds[filter.kind] : s.allKinds}
              selectedOptions={[filter.kind ?? ALL]}
              onOptionSelect={change('kind')}
            >
              <Option value={ALL}>{s.allKinds}</Option>
              {PROPOSAL_KINDS.map((kind) => (
                <Option key={kind} value={kind}>
                  {s.kinds[kind]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={s.goal}>
            <Dropdown
              className={styles.dropdown}
              value={goalText(filter.goalId)}
              selectedOptions={[filter.goalId ?? ALL]}
              onOptionSelect={change('goalId')}
            >
              <Option value={ALL}>{s.allGoals}</Option>
              {goals.map((goal) => (
                <Option key={goal.id} value={goal.id}>
                  {goalText(goal.id)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </fieldset>
        <div className={styles.summary}>
          <p className={styles.count} role="status">
            {s.showing(shown.length, all.length)}
          </p>
          {isFiltered(filter) && (
            <Button appearance="secondary" onClick={() => setFilter(NO_FILTER)}>
              {s.clearFilters}
            </Button>
          )}
        </div>
        {shown.length === 0 ? (
          <EmptyState>{s.noMatch}</EmptyState>
        ) : (
          <ul className={styles.list} aria-labelledby={headingId}>
            {shown.map((proposal) => (
              <li key={proposal.id} className={styles.item}>
                <ProposalCard
                  proposal={proposal}
                  strategist={props.role === 'strategist'}
                  onOpenMeeting={(meetingId) => props.navigate('meeting', meetingId)}
                />
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <h2 id={headingId} className={styles.h2}>
          {s.title}
        </h2>
        <p className={styles.lead}>{s.intro}</p>
      </div>
      {body}
    </section>
  );
}
