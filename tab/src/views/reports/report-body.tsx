/** The report itself: every section of the figures, each chart with its table. */
import { useI18n } from '../../i18n';
import { BarChart, ChartFigure, HeatMap } from './report-charts';
import { DataTable, Section } from './report-parts';
import type { Report } from './reports-api';
import type { ReportsStrings } from './reports-strings';
import { useReportStyles } from './report-styles';

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

export function ReportBody({ report, s }: { report: Report; s: ReportsStrings }) {
  const styles = useReportStyles();
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
