/**
 * A report as the tab shows it and the document prints it: the group, the audience, the period,
 * the organisations and goals named in it, and the figures `buildReport` counts. Read here from
 * the repositories for both use cases (the figures in the tab, the Word document), so both say the same.
 */
import type { Group } from '../domain/group';
import type { GoalFramework } from '../domain/goal';
import { periodOfDays } from '../domain/goal-tags';
import type { OrganisationKind } from '../domain/organisation';
import { buildReport, type CompetenceActivityRecord, type ReportAudience, type ReportDecision, type ReportFigures } from '../domain/report';
import { checkReportPeriod, REPORT_MAX_YEARS, type ReportPeriod } from '../domain/report-period';
import type { AttendanceRecord } from '../domain/representation';
import { AppError } from './errors';
import type { Repositories } from './ports/repositories';

export interface ReportView {
  group: { id: string; name: string };
  /** The environment committee's name, as the group's settings call it. */
  committeeName: string;
  audience: ReportAudience;
  period: ReportPeriod;
  generatedAt: Date;
  /** Förvaltningar first, then bolag, then others; by name within each: the order of every table. */
  organisations: { id: string; name: string; kind: OrganisationKind }[];
  /** The goals the report names (those in `figures.byGoal`). */
  goals: { id: string; framework: GoalFramework; number: number; name: string }[];
  figures: ReportFigures;
}

const KIND_ORDER: Record<OrganisationKind, number> = { forvaltning: 0, bolag: 1, other: 2 };

/** The period checked, or a 4xx the tab can show. */
export function reportPeriod(from: string, to: string): ReportPeriod {
  const checked = checkReportPeriod(from, to);
  if (checked.ok) return checked.period;
  const messages = {
    'not-a-date': 'from and to: dates as YYYY-MM-DD',
    'from-after-to': 'from: on or before to',
    'too-long': `the period: at most ${REPORT_MAX_YEARS} years`,
  } as const;
  throw new AppError('invalid', messages[checked.error]);
}

export async function loadReportView(
  repos: Repositories,
  group: Group,
  input: { period: ReportPeriod; audience: ReportAudience; now: Date },
): Promise<ReportView> {
  const { tenantId, id: groupId } = group;
  const { period } = input;
  const days = periodOfDays(period.from, period.to);
  if (!days) throw new AppError('invalid', 'from and to: dates as YYYY-MM-DD');
  const [meetings, organisations, people, memberships, goals, proposals, tagged, actions, competence] = await Promise.all([
    repos.meetings.listByGroup(tenantId, groupId, days),
    repos.organisations.listByGroup(tenantId, groupId),
    repos.people.listByGroup(tenantId, groupId),
    repos.memberships.listByGroup(tenantId, groupId),
    repos.goals.listWithRetired(tenantId, groupId),
    repos.proposals.listByGroup(tenantId, groupId),
    repos.goalTags.listTaggedForPeriod(tenantId, groupId, days),
    repos.reportSources.listActions(tenantId, groupId),
    repos.competence.listByGroupBetween(tenantId, groupId, period.from, dayAfter(period.to)),
  ]);
  const live = meetings.filter((m) => m.status !== 'cancelled');
  // Per meeting: who was there, who reported back, and the agenda (a decision's organisation is its proposal's).
  const [presence, reReports, agendas] = await Promise.all([
    Promise.all(live.map((m) => repos.presence.listByMeeting(tenantId, m.id))),
    Promise.all(live.map(async (m) => (await repos.reReports.listByMeeting(tenantId, m.id)).map((r) => ({ ...r, meetingId: m.id })))),
    Promise.all(live.map((m) => repos.agendaItems.listByMeeting(tenantId, m.id))),
  ]);
  const attendance: AttendanceRecord[] = presence.flat().map((row) => ({
    meetingId: row.meetingId,
    personId: row.personId,
    rsvp: row.rsvp,
    present: row.presence === null ? null : row.presence !== 'absent',
    substituteForPersonId: row.presence === 'substitute' ? row.substituteForPersonId : null,
  }));
  const proposalOrganisation = new Map(proposals.map((p) => [p.id, p.organisationId]));
  const itemProposal = new Map(agendas.flat().map((item) => [item.id, item.proposalId]));
  const decisions: ReportDecision[] = tagged
    .filter((t) => t.kind === 'decision' && t.meetingId !== null)
    .map((t) => {
      const proposalId = itemProposal.get(t.id) ?? null;
      return {
        meetingId: t.meetingId ?? '',
        agendaItemId: t.id,
        organisationId: proposalId ? (proposalOrganisation.get(proposalId) ?? null) : null,
        goalIds: t.goalIds,
      };
    });
  const activities: CompetenceActivityRecord[] = competence
    .filter((a) => a.status === 'held')
    .map((a) => ({
      id: a.id,
      date: a.date,
      title: a.title,
      kind: a.kind,
      organisationIds: a.participants.filter((p) => p.count > 0).map((p) => p.organisationId),
    }));

  const sortedOrganisations = [...organisations].sort(
    (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'sv'),
  );
  const figures = buildReport({
    period,
    now: input.now,
    meetings,
    organisations: sortedOrganisations,
    people,
    memberships,
    attendance,
    goals,
    proposals,
    decisions,
    actions,
    competence: activities,
    reReports: reReports.flat(),
  });
  const named = new Set(figures.byGoal.map((g) => g.goalId));
  return {
    group: { id: group.id, name: group.name },
    committeeName: group.settings.committeeName,
    audience: input.audience,
    period,
    generatedAt: input.now,
    organisations: sortedOrganisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
    goals: goals.filter((g) => named.has(g.id)).map((g) => ({ id: g.id, framework: g.framework, number: g.number, name: g.name })),
    figures,
  };
}

function dayAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
