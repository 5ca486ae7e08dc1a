/**
 * Åtgärder (every member): the group's åtgärdslista across all meetings, filtered on the server
 * by status, owner, organisation, meeting and "overdue only", overdue first. Choosing an action
 * opens its details and history, where the owner changes its status and strategists also its due
 * date and owner.
 */
import { Button, Checkbox, Field, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { pageText, useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { ActionDialog } from './action-dialog';
import { ActionTable } from './action-table';
import { ACTION_STATUSES, DEFAULT_FILTER, listActions, type ActionEntry, type ActionFilter, type StatusFilter } from './actions-api';
import { useActionsStrings } from './actions-strings';

/** The "all" choice of every filter: a value no id or status takes. */
const ALL = '(all)';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  intro: pageText.intro,
  h2: pageText.h2,
  lead: pageText.lead,
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 200px), 1fr))',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
    border: 'none',
    minWidth: 0,
  },
  legend: { padding: 0 },
  select: { minWidth: 0 },
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  count: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export default function ActionsView({ api, group }: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useActionsStrings();
  const { dates } = useI18n();
  const headingId = useId();
  const [filter, setFilter] = useState<ActionFilter>(DEFAULT_FILTER);
  const [open, setOpen] = useState<ActionEntry | null>(null);
  const resource = useResource((signal) => listActions(api, group.id, filter, signal), [api, group.id, filter]);
  const page = resource.data;

  const choose = (key: 'owner' | 'organisation' | 'meeting') => (_: unknown, data: { value: string }) =>
    setFilter((previous) => ({ ...previous, [key]: data.value === ALL ? null : data.value }));
  const filtered = JSON.stringify(filter) !== JSON.stringify({ ...DEFAULT_FILTER, status: null });

  let body;
  if (!page) {
    body = resource.error ? <ErrorState error={resource.error} onRetry={resource.reload} /> : <LoadingState label={s.loading} />;
  } else {
    const overdue = page.actions.filter((a) => a.overdue).length;
    body = (
      <>
        <fieldset className={styles.filters}>
          <legend className={mergeClasses(styles.legend, shared.visuallyHidden)}>{s.filters}</legend>
          <Field label={s.status}>
            <Select
              className={styles.select}
              value={filter.status ?? ALL}
              onChange={(_, d) => setFilter((p) => ({ ...p, status: d.value === ALL ? null : (d.value as StatusFilter) }))}
            >
              <option value={ALL}>{s.all}</option>
              <option value="not_done">{s.notDone}</option>
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {s.statuses[status]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.owner}>
            <Select className={styles.select} value={filter.owner ?? ALL} onChange={choose('owner')}>
              <option value={ALL}>{s.all}</option>
              {page.choices.owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name ?? s.unknownPerson}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.organisation}>
            <Select className={styles.select} value={filter.organisation ?? ALL} onChange={choose('organisation')}>
              <option value={ALL}>{s.all}</option>
              {page.choices.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.meeting}>
            <Select className={styles.select} value={filter.meeting ?? ALL} onChange={choose('meeting')}>
              <option value={ALL}>{s.all}</option>
              {page.choices.meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.title}, ${dates.isoDate(m.startsAt)}`}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox
            label={s.overdueOnly}
            checked={filter.overdue}
            onChange={(_, d) => setFilter((p) => ({ ...p, overdue: d.checked === true }))}
          />
        </fieldset>
        <div className={styles.summary}>
          <p className={styles.count} role="status">
            {`${s.showing(page.actions.length, page.total)}${s.overdueCount(overdue)}`}
          </p>
          {filtered && (
            <Button appearance="secondary" onClick={() => setFilter({ ...DEFAULT_FILTER, status: null })}>
              {s.clearFilters}
            </Button>
          )}
        </div>
        {page.actions.length === 0 ? (
          <EmptyState>{page.choices.meetings.length === 0 ? s.empty : s.noMatch}</EmptyState>
        ) : (
          <ActionTable actions={page.actions} labelledBy={headingId} onOpen={setOpen} />
        )}
        {open && (
          <ActionDialog
            api={api}
            groupId={group.id}
            actionId={open.id}
            title={open.title}
            members={page.members}
            onClose={() => setOpen(null)}
            onChanged={resource.reload}
          />
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
