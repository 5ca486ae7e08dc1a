/**
 * *Representation*: the year's meetings held × the group's organisations, as a table that reads
 * like a heat map — each cell has a symbol (D, E, –, ?) and a tint, so the meaning never rests on
 * colour alone — with each organisation's totals (meetings represented, proposals, open actions)
 * at the end of its row and a key below. Rows are organisations, so long förvaltning names get
 * the room; the table scrolls sideways inside its own focusable region in a narrow side panel.
 */
import { mergeClasses } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n';
import { currentStockholmYear, TIME_ZONE } from '../../i18n/format-dates';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { YearNav } from '../year-nav';
import { getRepresentation, type RepresentationCell, type RepresentationMark, type RepresentationOverview } from './representation-api';
import { useRepresentationStrings } from './representation-strings';
import { useRepresentationStyles } from './representation-styles';

const MARKS: readonly RepresentationMark[] = ['delegate', 'substitute', 'absent', 'unknown'];

function useShortDate(): (iso: string) => string {
  const { language } = useI18n();
  const format = new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'short' });
  return (iso) => format.format(new Date(iso));
}

function Cell({ cell }: { cell: RepresentationCell }) {
  const styles = useRepresentationStyles();
  const shared = useSharedStyles();
  const s = useRepresentationStrings();
  const counts = [cell.proposals > 0 ? s.proposalsShort(cell.proposals) : '', cell.openActions > 0 ? s.actionsShort(cell.openActions) : '']
    .filter(Boolean)
    .join(' ');
  const spoken = [
    s.marks[cell.mark],
    cell.proposals > 0 ? s.proposalsLong(cell.proposals) : '',
    cell.openActions > 0 ? s.actionsLong(cell.openActions) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <td className={mergeClasses(styles.cell, styles[cell.mark])}>
      <span aria-hidden="true" className={styles.symbol}>
        {s.symbols[cell.mark]}
      </span>
      {counts && (
        <span aria-hidden="true" className={styles.counts}>
          {counts}
        </span>
      )}
      <span className={shared.visuallyHidden}>{spoken}</span>
    </td>
  );
}

function Grid({ data }: { data: RepresentationOverview }) {
  const styles = useRepresentationStyles();
  const s = useRepresentationStrings();
  const { dates } = useI18n();
  const shortDate = useShortDate();
  const shared = useSharedStyles();
  const regionId = useId();
  const held = data.meetings.length;
  // The title stays in view above the scrolling frame; the caption names the table itself.
  return (
    <>
      <h3 id={regionId} className={styles.gridTitle}>
        {s.caption(data.year)}
      </h3>
      <div className={styles.frame} role="region" aria-labelledby={regionId} tabIndex={0}>
        <table className={styles.table}>
          <caption className={shared.visuallyHidden}>{s.caption(data.year)}</caption>
          <thead>
            <tr>
              <th scope="col" className={mergeClasses(styles.colHead, styles.orgHead)}>
                {s.organisation}
              </th>
              {data.meetings.map((m) => (
                <th key={m.id} scope="col" className={styles.colHead}>
                  <time dateTime={m.startsAt} title={`${m.title}, ${dates.longDate(m.startsAt)}`}>
                    {shortDate(m.startsAt)}
                  </time>
                </th>
              ))}
              <th scope="col" className={mergeClasses(styles.colHead, styles.totalFirst)}>
                {s.represented}
              </th>
              <th scope="col" className={styles.colHead}>
                {s.proposals}
              </th>
              <th scope="col" className={styles.colHead}>
                {s.openActions}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.organisations.map((organisation) => {
              const totals = data.totals.find((t) => t.organisationId === organisation.id);
              return (
                <tr key={organisation.id} className={styles.row}>
                  <th scope="row" className={styles.rowHead}>
                    {organisation.name}
                    {organisation.id === data.ownOrganisationId && <span className={styles.own}>{s.own}</span>}
                  </th>
                  {data.meetings.map((m) => {
                    const cell = m.cells.find((c) => c.organisationId === organisation.id);
                    return cell ? <Cell key={m.id} cell={cell} /> : <td key={m.id} />;
                  })}
                  <td className={mergeClasses(styles.total, styles.totalFirst)}>
                    {s.representedOf(totals?.represented ?? 0, held)}
                    {totals && totals.bySubstitute > 0 && <span className={styles.small}>{s.bySubstitute(totals.bySubstitute)}</span>}
                  </td>
                  <td className={styles.total}>{totals?.proposals ?? 0}</td>
                  <td className={styles.total}>{totals?.openActions ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Legend() {
  const styles = useRepresentationStyles();
  const s = useRepresentationStrings();
  const headingId = useId();
  return (
    <section className={styles.legend} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.legendTitle}>
        {s.legendTitle}
      </h3>
      <ul className={styles.legendList}>
        {MARKS.map((mark) => (
          <li key={mark} className={styles.legendItem}>
            <span aria-hidden="true" className={mergeClasses(styles.swatch, styles[mark])}>
              {s.symbols[mark]}
            </span>
            <span>{s.marks[mark]}</span>
          </li>
        ))}
      </ul>
      <p className={styles.legendNote}>{s.legendCounts}</p>
    </section>
  );
}

export default function RepresentationView({ api, group }: ViewProps) {
  const styles = useRepresentationStyles();
  const shared = useSharedStyles();
  const s = useRepresentationStrings();
  const headingId = useId();
  const currentYear = currentStockholmYear();
  // Null lets the service choose: the year of the latest meeting held.
  const [year, setYear] = useState<number | null>(null);
  const resource = useResource((signal) => getRepresentation(api, group.id, year, signal), [api, group.id, year]);
  const data = resource.data?.group.id === group.id ? resource.data : undefined;
  const shownYear = year ?? data?.year ?? currentYear;
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (data && !resource.loading)
      setAnnouncement(data.meetings.length === 0 ? s.empty(data.year) : s.summary(data.year, data.meetings.length));
  }, [data, resource.loading, s]);

  let body;
  if (resource.error) {
    body = <ErrorState error={resource.error} onRetry={resource.reload} />;
  } else if (!data || resource.loading) {
    body = <LoadingState label={s.loading} />;
  } else if (data.meetings.length === 0) {
    body = <EmptyState>{s.empty(data.year)}</EmptyState>;
  } else {
    body = (
      <>
        <Grid data={data} />
        <Legend />
      </>
    );
  }
  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.head}>
        <div className={styles.intro}>
          <h2 id={headingId} className={styles.h2}>
            {s.title}
          </h2>
          <p className={styles.lead}>{s.intro}</p>
        </div>
        <YearNav year={shownYear} currentYear={currentYear} onChange={(next) => setYear(next)} />
      </div>
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
      {body}
    </section>
  );
}
