/**
 * *Rapporter* (strategists only): a report for a chosen period (this year by default) to the
 * environment committee or to SDL — meetings held, attendance as a heat map, proposals and
 * decisions per organisation and per goal, actions, competence activities and re-reporting —
 * each chart with its table, and *Skapa rapport (.docx)*, which stores the report as a Word
 * document in the group's library (and mails it when asked) and links to it.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Radio,
  RadioGroup,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { asApiError, type ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { currentStockholmYear } from '../../i18n/format-dates';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { BarChart, ChartFigure, HeatMap } from './report-charts';
import { createReportDocument, getReport, type Report, type ReportAudience, type ReportDocument, type ReportQuery } from './reports-api';
import { useReportsStrings, type ReportsStrings } from './reports-strings';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  lead: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    minWidth: 0,
    '@media (forced-colors: active)': { border: `${tokens.strokeWidthThin} solid CanvasText` },
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  form: {
    display: 'flex',
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0 },
  date: { width: '11rem', maxWidth: '100%' },
  p: { margin: 0 },
  tableWrap: {
    maxWidth: '100%',
    overflowX: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase300,
    minWidth: '100%',
    '& th, & td': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
      verticalAlign: 'top',
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& td.num, & th.num': { textAlign: 'end', whiteSpace: 'nowrap' },
  },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  status: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

const ADDRESS = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

function DataTable({ caption, head, rows, numeric }: { caption: string; head: string[]; rows: ReactNode[][]; numeric: number }) {
  const styles = useStyles();
  // The first `head.length - numeric` columns are text, the rest numbers (right-aligned).
  const isNum = (i: number) => i >= head.length - numeric;
  return (
    // Wide tables scroll sideways in a narrow side panel: the region is focusable so a keyboard can scroll it.
    <div className={styles.tableWrap} role="region" aria-label={caption} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className={isNum(i) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={isNum(i) ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.card} aria-labelledby={id}>
      <h3 id={id} className={styles.h3}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/** "12/3": a meeting's column in the heat map. */
function shortDate(iso: string): string {
  const [, month, day] = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  })
    .format(new Date(iso))
    .split('-');
  return `${Number(day)}/${Number(month)}`;
}

function ReportBody({ report, s }: { report: Report; s: ReportsStrings }) {
  const styles = useStyles();
  const { dates } = useI18n();
  const f = report.figures;
  const orgName = new Map(report.organisations.map((o) => [o.id, o.name]));
  const nameOf = (id: string | null) => (id === null ? s.noOrganisation : (orgName.get(id) ?? s.noOrganisation));
  const goalLabel = (id: string) => {
    const goal = report.goals.find((g) => g.id === id);
    return goal ? `${s.frameworks[goal.framework]} ${goal.number}: ${goal.name}` : id;
  };
  const twoSeries = [
    { name: s.columns.proposals, hatched: false },
    { name: s.columns.decisions, hatched: true },
  ];
  const held = f.meetings.held;
  const actionRows = f.actions.byOrganisation.filter((r) => r.opened + r.closed + r.overdue > 0);
  return (
    <>
      <div className={styles.intro}>
        <h3 className={styles.h3}>{s.reportTitle(report.audience, report.committeeName)}</h3>
        <p className={styles.lead}>{s.reportIntro(report.audience, report.group.name, `${report.period.from} – ${report.period.to}`)}</p>
      </div>

      <Section title={s.sections.meetings}>
        <p className={styles.p}>{s.meetingsSummary(held.length, f.meetings.cancelled, f.meetings.upcoming)}</p>
        {held.length > 0 && (
          <DataTable
            caption={s.sections.meetings}
            head={[s.columns.meeting, s.columns.date]}
            numeric={0}
            rows={held.map((m) => [m.title, dates.isoDate(m.startsAt)])}
          />
        )}
      </Section>

      <Section title={s.sections.attendance}>
        {held.length === 0 ? (
          <p className={styles.p}>{s.noMeetings}</p>
        ) : (
          <>
            <ChartFigure
              chart={
                <HeatMap
                  title={s.sections.attendance}
                  desc={s.heatDesc(f.attendance.length, held.length)}
                  columns={held.map((m) => shortDate(m.startsAt))}
                  rows={f.attendance.map((row) => ({ label: nameOf(row.organisationId), cells: row.cells }))}
                />
              }
              table={
                <DataTable
                  caption={s.sections.attendance}
                  head={[s.columns.organisation, ...held.map((m) => dates.isoDate(m.startsAt)), s.columns.represented]}
                  numeric={1}
                  rows={f.attendance.map((row) => [
                    nameOf(row.organisationId),
                    ...row.cells.map((mark) => s.markWords[mark]),
                    s.of(row.represented, row.known),
                  ])}
                />
              }
            />
            <p className={styles.p}>{s.legend}</p>
          </>
        )}
      </Section>

      <Section title={s.sections.organisations}>
        <ChartFigure
          chart={
            <BarChart
              title={s.sections.organisations}
              desc={s.barDesc(f.byOrganisation.length)}
              series={twoSeries}
              rows={f.byOrganisation.map((r) => ({ label: nameOf(r.organisationId), values: [r.proposals, r.decisions] }))}
            />
          }
          table={
            <DataTable
              caption={s.sections.organisations}
              head={[s.columns.organisation, s.columns.proposals, s.columns.decisions]}
              numeric={2}
              rows={[
                ...f.byOrganisation.map((r) => [nameOf(r.organisationId), r.proposals, r.decisions]),
                [s.columns.total, f.proposals, f.decisions],
              ]}
            />
          }
        />
      </Section>

      <Section title={s.sections.goals}>
        {f.byGoal.length === 0 ? (
          <p className={styles.p}>{s.noGoals}</p>
        ) : (
          <ChartFigure
            chart={
              <BarChart
                title={s.sections.goals}
                desc={s.barDesc(f.byGoal.length)}
                series={twoSeries}
                rows={f.byGoal.map((r) => ({ label: goalLabel(r.goalId), values: [r.proposals, r.decisions] }))}
              />
            }
            table={
              <DataTable
                caption={s.sections.goals}
                head={[s.columns.goal, s.columns.proposals, s.columns.decisions]}
                numeric={2}
                rows={f.byGoal.map((r) => [goalLabel(r.goalId), r.proposals, r.decisions])}
              />
            }
          />
        )}
      </Section>

      <Section title={s.sections.actions}>
        <ChartFigure
          chart={
            <BarChart
              title={s.sections.actions}
              desc={`${s.barDesc(3)} ${s.actionsNote(f.actions.asOf)}`}
              series={[{ name: s.columns.count, hatched: false }]}
              rows={(['opened', 'closed', 'overdue'] as const).map((k) => ({ label: s.actionKinds[k], values: [f.actions[k]] }))}
            />
          }
          table={
            <DataTable
              caption={s.sections.actions}
              head={[s.columns.organisation, s.actionKinds.opened, s.actionKinds.closed, s.actionKinds.overdue]}
              numeric={3}
              rows={[
                ...actionRows.map((r) => [nameOf(r.organisationId), r.opened, r.closed, r.overdue]),
                [s.columns.total, f.actions.opened, f.actions.closed, f.actions.overdue],
              ]}
            />
          }
        />
        <p className={styles.p}>{s.actionsNote(f.actions.asOf)}</p>
      </Section>

      <Section title={s.sections.competence}>
        {f.competence.activities.length === 0 ? (
          <p className={styles.p}>{s.noCompetence}</p>
        ) : (
          <DataTable
            caption={s.sections.competence}
            head={[s.columns.title, s.columns.date, s.columns.kind, s.columns.participants]}
            numeric={0}
            rows={f.competence.activities.map((a) => [
              a.title,
              a.date,
              s.competenceKinds[a.kind] ?? a.kind,
              a.organisationIds.map((id) => nameOf(id)).join(', '),
            ])}
          />
        )}
      </Section>

      <Section title={s.sections.reReporting}>
        <p className={styles.p}>{s.reReportingSummary(f.reReporting.meetings, f.reReporting.confirmations)}</p>
        <DataTable
          caption={s.sections.reReporting}
          head={[s.columns.organisation, s.columns.reported]}
          numeric={1}
          rows={f.reReporting.byOrganisation.map((r) => [nameOf(r.organisationId), s.of(r.meetingsReported, f.reReporting.meetings)])}
        />
      </Section>
    </>
  );
}

function DocumentPanel({ props, query }: { props: ViewProps; query: ReportQuery }) {
  const styles = useStyles();
  const s = useReportsStrings();
  const [mailGroup, setMailGroup] = useState(false);
  const [addresses, setAddresses] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [badAddresses, setBadAddresses] = useState(false);
  const [done, setDone] = useState<ReportDocument | null>(null);
  const headingId = useId();

  const create = async (): Promise<void> => {
    const list = addresses
      .split(/[,;\s]+/)
      .map((a) => a.trim())
      .filter((a) => a !== '');
    if (list.some((a) => !ADDRESS.test(a))) {
      setBadAddresses(true);
      return;
    }
    setBadAddresses(false);
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await createReportDocument(props.api, props.group.id, { ...query, mail: { group: mailGroup, addresses: list } }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>
        {s.document}
      </h3>
      <p className={styles.lead}>{s.documentLead}</p>
      <Checkbox checked={mailGroup} onChange={(_, data) => setMailGroup(data.checked === true)} label={s.mailGroup} />
      <Field
        label={s.addresses}
        validationMessage={badAddresses ? s.badAddresses : undefined}
        validationState={badAddresses ? 'error' : 'none'}
      >
        <Input value={addresses} onChange={(_, data) => setAddresses(data.value)} type="text" inputMode="email" autoComplete="off" />
      </Field>
      <Button appearance="primary" disabledFocusable={busy} onClick={() => void create()} style={{ alignSelf: 'flex-start' }}>
        {s.create}
      </Button>
      <div className={styles.status} role="status" aria-live="polite">
        {busy && <Spinner size="tiny" label={s.creating} />}
        {done && (
          <>
            <p className={styles.p}>{s.stored(done.fileName)}</p>
            <p className={styles.p}>
              <Link
                href={done.webUrl}
                target="_blank"
                rel="noreferrer"
                onClick={(event) => {
                  event.preventDefault();
                  props.onOpenLink(done.webUrl);
                }}
              >
                {s.open}
              </Link>
            </p>
            {done.mail === 'sent' && <p className={styles.p}>{s.mailed(done.recipients)}</p>}
          </>
        )}
      </div>
      {done?.mail === 'failed' && (
        <p className={styles.p} role="alert">
          {s.mailFailed}
        </p>
      )}
      {error && <ErrorState error={error} />}
    </section>
  );
}

export default function ReportsView(props: ViewProps) {
  const { api, group } = props;
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useReportsStrings();
  const headingId = useId();
  const year = currentStockholmYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [audience, setAudience] = useState<ReportAudience>('utskott');
  const [query, setQuery] = useState<ReportQuery>({ from: `${year}-01-01`, to: `${year}-12-31`, audience: 'utskott' });
  const [formError, setFormError] = useState(false);
  const report = useResource((signal) => getReport(api, group.id, query, signal), [api, group.id, query]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!from || !to || from > to) {
      setFormError(true);
      return;
    }
    setFormError(false);
    setQuery({ from, to, audience });
  };

  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <h2 id={headingId} className={styles.h2}>
          {s.title}
        </h2>
        <p className={styles.lead}>{s.intro}</p>
      </div>
      <form className={mergeClasses(styles.card, styles.form)} onSubmit={submit} aria-label={s.form}>
        <Field label={s.from} validationMessage={formError ? s.fromAfterTo : undefined} validationState={formError ? 'error' : 'none'}>
          <Input className={styles.date} type="date" value={from} onChange={(_, data) => setFrom(data.value)} required />
        </Field>
        <Field label={s.to}>
          <Input className={styles.date} type="date" value={to} onChange={(_, data) => setTo(data.value)} required />
        </Field>
        <Field label={s.audience}>
          <RadioGroup value={audience} onChange={(_, data) => setAudience(data.value as ReportAudience)}>
            <Radio value="utskott" label={report.data?.committeeName ?? s.committeeFallback} />
            <Radio value="sdl" label={s.sdl} />
          </RadioGroup>
        </Field>
        <Button type="submit" appearance="secondary">
          {s.show}
        </Button>
      </form>
      {report.error && <ErrorState error={report.error} onRetry={report.reload} />}
      {!report.data && !report.error && <LoadingState label={s.loading} />}
      {report.data && (
        <>
          <ReportBody report={report.data} s={s} />
          <DocumentPanel props={props} query={query} />
        </>
      )}
    </section>
  );
}
