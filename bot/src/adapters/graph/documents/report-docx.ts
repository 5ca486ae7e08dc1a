/**
 * The report as a Word document: title and introduction for its audience, then one section per
 * figure — a chart (SVG with a PNG fallback, with alternative text) followed by a table holding
 * the same figures, so a screen reader or a printout loses nothing.
 */
import { ImageRun, Paragraph } from 'docx';
import { formatIsoDate, formatLongDate } from '../../../app/i18n/format';
import type { Locale } from '../../../app/i18n/locale';
import { reportMessages, type ReportMessages } from '../../../app/i18n/report-messages';
import type { ReportRenderer } from '../../../app/ports/report-publishing';
import type { ReportView } from '../../../app/report-view';
import type { RepresentationMark } from '../../../domain/representation';
import { toStockholm } from '../../../domain/stockholm-time';
import { heading, labelled, packDocx, plain, table, type Block } from './docx-parts';
import { chartPng } from './png-raster';
import { barChart, chartSvg, heatMap, xmlSafe, type Chart, type Fill } from './report-charts';

/** The page's text width in pixels at 96 dpi (A4, 2.54 cm margins): charts are scaled to it. */
const PAGE_PX = 600;
/** More meetings than this and the per-meeting table gets columns too narrow to read: totals only. */
const GRID_TABLE_MAX = 12;

const MARK_FILL: Record<RepresentationMark, Fill> = { delegate: 'solid', substitute: 'hatch', absent: 'empty', unknown: 'light' };

/** "12/3": a meeting's column, as short as a Swedish date gets. */
export function shortDate(at: Date): string {
  const { day, month } = toStockholm(at);
  return `${day}/${month}`;
}

export function goalLabel(goal: ReportView['goals'][number], m: ReportMessages): string {
  return `${m.frameworks[goal.framework]} ${goal.number}: ${goal.name}`;
}

function chartBlock(chart: Chart, id: string): Paragraph {
  const scale = Math.min(1, PAGE_PX / chart.width);
  const size = { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) };
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(chartSvg(chart, id), 'utf8'),
        fallback: { type: 'png', data: chartPng(chart) },
        transformation: size,
        altText: { name: xmlSafe(chart.title), title: xmlSafe(chart.title), description: xmlSafe(chart.desc) },
      }),
    ],
  });
}

/** The charts of a report, each with the id its SVG names its title and description by. */
export function reportCharts(view: ReportView, m: ReportMessages) {
  const f = view.figures;
  const orgName = new Map(view.organisations.map((o) => [o.id, o.name]));
  const nameOf = (id: string | null) => (id === null ? m.noOrganisation : (orgName.get(id) ?? m.noOrganisation));
  const goalById = new Map(view.goals.map((g) => [g.id, g]));
  const twoSeries = [
    { name: m.columns.proposals, fill: 'solid' as const },
    { name: m.columns.decisions, fill: 'hatch' as const },
  ];
  const attendance =
    f.meetings.held.length === 0
      ? null
      : heatMap({
          title: m.sections.attendance,
          desc: m.heatMapDesc(f.attendance.length, f.meetings.held.length),
          columns: f.meetings.held.map((meeting) => shortDate(meeting.startsAt)),
          rows: f.attendance.map((row) => ({
            label: nameOf(row.organisationId),
            cells: row.cells.map((mark, i) => ({
              symbol: m.marks[mark],
              fill: MARK_FILL[mark],
              label: `${nameOf(row.organisationId)}, ${shortDate(f.meetings.held[i]?.startsAt ?? new Date(0))}: ${m.markWords[mark]}`,
            })),
          })),
        });
  const byOrganisation = barChart({
    title: m.sections.organisations,
    desc: m.barDesc(`${m.columns.proposals} / ${m.columns.decisions}`, f.byOrganisation.length),
    series: twoSeries,
    rows: f.byOrganisation.map((row) => ({ label: nameOf(row.organisationId), values: [row.proposals, row.decisions] })),
  });
  const byGoal =
    f.byGoal.length === 0
      ? null
      : barChart({
          title: m.sections.goals,
          desc: m.barDesc(`${m.columns.proposals} / ${m.columns.decisions}`, f.byGoal.length),
          series: twoSeries,
          rows: f.byGoal.map((row) => {
            const goal = goalById.get(row.goalId);
            return { label: goal ? goalLabel(goal, m) : row.goalId, values: [row.proposals, row.decisions] };
          }),
        });
  const actions = barChart({
    title: m.sections.actions,
    desc: m.barDesc(m.actionsDesc(f.actions.asOf), 3),
    series: [{ name: m.columns.count, fill: 'solid' }],
    rows: (['opened', 'closed', 'overdue'] as const).map((key) => ({ label: m.actionKinds[key], values: [f.actions[key]] })),
  });
  return { attendance, byOrganisation, byGoal, actions, nameOf };
}

export async function renderReportDocx(view: ReportView, locale: Locale): Promise<Uint8Array> {
  const m = reportMessages(locale);
  const f = view.figures;
  const c = m.columns;
  const charts = reportCharts(view, m);
  const { nameOf } = charts;
  const title = m.title(view.audience, view.committeeName);
  const periodText = `${view.period.from} – ${view.period.to}`;
  const held = f.meetings.held;

  const attendanceBlocks: Block[] = [];
  if (charts.attendance) {
    attendanceBlocks.push(chartBlock(charts.attendance, 'attendance'), plain(m.legend, { italics: true }));
    const grid = held.length <= GRID_TABLE_MAX;
    const rest = grid ? 0.45 / held.length : 0;
    attendanceBlocks.push(
      table(
        [
          { header: c.organisation, share: grid ? 0.3 : 0.5 },
          ...(grid ? held.map((meeting) => ({ header: shortDate(meeting.startsAt), share: rest })) : []),
          { header: c.represented, share: grid ? 0.25 : 0.25 },
          ...(grid ? [] : [{ header: c.bySubstitute, share: 0.25 }]),
        ],
        f.attendance.map((row) => [
          nameOf(row.organisationId),
          ...(grid ? row.cells.map((mark) => m.marks[mark]) : []),
          m.representedOf(row.represented, row.known),
          ...(grid ? [] : [String(row.bySubstitute)]),
        ]),
      ),
    );
  } else {
    attendanceBlocks.push(plain(m.noMeetings));
  }

  const actionRows = f.actions.byOrganisation.filter((row) => row.opened + row.closed + row.overdue > 0);
  const children: Block[] = [
    heading(title, 1),
    plain(m.intro(view.audience, view.group.name, periodText)),
    labelled(m.group, view.group.name),
    labelled(m.period, periodText),
    labelled(m.generated, formatLongDate(view.generatedAt, locale)),

    heading(m.sections.meetings, 2),
    plain(m.meetingsSummary(held.length, f.meetings.cancelled, f.meetings.upcoming)),
    ...(held.length > 0
      ? [
          table(
            [
              { header: c.date, share: 0.25 },
              { header: c.meeting, share: 0.75 },
            ],
            held.map((meeting) => [formatIsoDate(meeting.startsAt), meeting.title]),
          ),
        ]
      : []),

    heading(m.sections.attendance, 2),
    ...attendanceBlocks,

    heading(m.sections.organisations, 2),
    chartBlock(charts.byOrganisation, 'organisations'),
    table(
      [
        { header: c.organisation, share: 0.6 },
        { header: c.proposals, share: 0.2 },
        { header: c.decisions, share: 0.2 },
      ],
      [
        ...f.byOrganisation.map((row) => [nameOf(row.organisationId), String(row.proposals), String(row.decisions)]),
        [c.total, String(f.proposals), String(f.decisions)],
      ],
    ),

    heading(m.sections.goals, 2),
    ...(charts.byGoal
      ? [
          chartBlock(charts.byGoal, 'goals'),
          table(
            [
              { header: c.goal, share: 0.6 },
              { header: c.proposals, share: 0.2 },
              { header: c.decisions, share: 0.2 },
            ],
            f.byGoal.map((row) => {
              const goal = view.goals.find((g) => g.id === row.goalId);
              return [goal ? goalLabel(goal, m) : row.goalId, String(row.proposals), String(row.decisions)];
            }),
          ),
        ]
      : [plain(m.noGoals)]),

    heading(m.sections.actions, 2),
    chartBlock(charts.actions, 'actions'),
    plain(m.actionsDesc(f.actions.asOf)),
    table(
      [
        { header: c.organisation, share: 0.46 },
        { header: m.actionKinds.opened, share: 0.18 },
        { header: m.actionKinds.closed, share: 0.18 },
        { header: m.actionKinds.overdue, share: 0.18 },
      ],
      [
        ...actionRows.map((row) => [nameOf(row.organisationId), String(row.opened), String(row.closed), String(row.overdue)]),
        [c.total, String(f.actions.opened), String(f.actions.closed), String(f.actions.overdue)],
      ],
    ),

    heading(m.sections.competence, 2),
    ...(f.competence.activities.length > 0
      ? [
          table(
            [
              { header: c.date, share: 0.16 },
              { header: c.title, share: 0.36 },
              { header: c.kind, share: 0.16 },
              { header: c.participants, share: 0.32 },
            ],
            f.competence.activities.map((a) => [
              a.date,
              a.title,
              m.competenceKinds[a.kind] ?? a.kind,
              a.organisationIds.map((id) => nameOf(id)).join(', '),
            ]),
          ),
        ]
      : [plain(m.noCompetence)]),

    heading(m.sections.reReporting, 2),
    plain(m.reReportingSummary(f.reReporting.meetings, f.reReporting.confirmations)),
    table(
      [
        { header: c.organisation, share: 0.6 },
        { header: c.meetingsReported, share: 0.4 },
      ],
      f.reReporting.byOrganisation.map((row) => [
        nameOf(row.organisationId),
        m.representedOf(row.meetingsReported, f.reReporting.meetings),
      ]),
    ),
  ];
  return packDocx({ title, locale, createdAt: view.generatedAt, children });
}

/** The ReportRenderer port, in the service's language. */
export class ReportDocxRenderer implements ReportRenderer {
  constructor(private readonly locale: Locale) {}

  report(view: ReportView): Promise<Uint8Array> {
    return renderReportDocx(view, this.locale);
  }
}
