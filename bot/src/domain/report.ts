/**
 * The figures of a report to the environment committee or to SDL for a period: meetings held,
 * which organisations were represented at each (the heat map), proposals and decisions per
 * organisation and per goal, actions opened, closed and overdue, competence activities, and
 * re-reporting to the förvaltningar. Pure: it counts plain records, so a seeded year can be
 * checked against figures counted by hand, and other parts of Arbetsrum plug in by adding records.
 *
 * The rules (docs/decisions/0020-reports.md says why):
 * - A meeting belongs to the period by its Stockholm start date. It is *held* when it is not
 *   cancelled and over by `now`; later ones are *upcoming*.
 * - Representation per held meeting is representation.ts's rule (`representationGrid`): presence
 *   once noted, the answers to the kallelse before that, *unknown* when nothing is recorded; by a
 *   delegate of the organisation, or by a substitute (ersättare).
 * - A proposal counts in the period it was submitted, unless withdrawn. A decision is an agenda
 *   item with a decision in the published minutes of a meeting in the period (not cancelled); its
 *   organisation and goals are those of the proposal behind it, or the item's own goal tags.
 *   A proposal or decision with several goals counts once under each.
 * - Actions: *opened* when created in the period, *closed* when marked done in it, *overdue* when
 *   at the period's last day (or today, if that is earlier) it existed, was not done and its
 *   due date had passed ("klart senast" the 3rd is overdue on the 4th).
 * - Re-reporting: of the meetings held in the period whose minutes are published, at how many a
 *   person of each organisation confirmed that they reported back to their förvaltning.
 */
import type { ProposalStatus } from './proposal';
import type { ActionStatus } from './minutes';
import type { MeetingStatus } from './meeting';
import type { Role } from './membership';
import { representationGrid, type AttendanceRecord, type RepresentationMark } from './representation';
import { stockholmDay as stockholmDate } from './publication';
import { inPeriod, type ReportPeriod } from './report-period';

export type ReportAudience = 'utskott' | 'sdl';

export const REPORT_AUDIENCES: readonly ReportAudience[] = ['utskott', 'sdl'];

export interface ReportMeeting {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
}

export interface ReportProposal {
  id: string;
  organisationId: string | null;
  goalIds: readonly string[];
  createdAt: Date;
  status: ProposalStatus;
}

/** An agenda item with a decision in the published minutes of its meeting. */
export interface ReportDecision {
  meetingId: string;
  agendaItemId: string;
  organisationId: string | null;
  goalIds: readonly string[];
}

export interface ReportAction {
  id: string;
  organisationId: string | null;
  /** "YYYY-MM-DD" or null. */
  dueDate: string | null;
  status: ActionStatus;
  createdAt: Date;
  /** When it was marked done; null while it is not done. */
  doneAt: Date | null;
}

/** A lecture, film, study visit or external guest, as the competence ledger records it. */
export interface CompetenceActivityRecord {
  id: string;
  /** "YYYY-MM-DD". */
  date: string;
  title: string;
  /** e.g. lecture | film | study_visit | external_guest; worded by whoever shows it. */
  kind: string;
  /** The organisations that took part. */
  organisationIds: readonly string[];
}

export interface ReReportRecord {
  meetingId: string;
  personId: string;
  reportedAt: Date;
}

export interface ReportInput {
  period: ReportPeriod;
  now: Date;
  /** The group's meetings; those outside the period are left out here. */
  meetings: readonly ReportMeeting[];
  /** In the order the report shows them. */
  organisations: readonly { id: string }[];
  /** Who belongs to which organisation: the group's people. */
  people: readonly { id: string; organisationId: string | null }[];
  /** Who is an ersättare: their presence shows as "by substitute". */
  memberships: readonly { personId: string; role: Role }[];
  attendance: readonly AttendanceRecord[];
  /** The goals that can be counted, in the order the report shows them. */
  goals: readonly { id: string }[];
  proposals: readonly ReportProposal[];
  decisions: readonly ReportDecision[];
  actions: readonly ReportAction[];
  competence: readonly CompetenceActivityRecord[];
  reReports: readonly ReReportRecord[];
}

/** One organisation's mark at one meeting: by a delegate, by a substitute, not there, or nothing recorded. */
export type AttendanceCell = RepresentationMark;

export interface ReportFigures {
  period: ReportPeriod;
  meetings: {
    /** In time order. */
    held: { id: string; title: string; startsAt: Date }[];
    cancelled: number;
    upcoming: number;
  };
  /** The heat map: one row per organisation, one cell per held meeting (in `meetings.held` order). */
  attendance: { organisationId: string; cells: AttendanceCell[]; represented: number; bySubstitute: number; known: number }[];
  proposals: number;
  decisions: number;
  /** Every organisation, then "no organisation" when something has none. */
  byOrganisation: { organisationId: string | null; proposals: number; decisions: number }[];
  /** Only goals with at least one proposal or decision, in the goals' order. */
  byGoal: { goalId: string; proposals: number; decisions: number }[];
  actions: {
    /** The day `overdue` is counted at: the period's last day, or today if that is earlier. */
    asOf: string;
    opened: number;
    closed: number;
    overdue: number;
    byOrganisation: { organisationId: string | null; opened: number; closed: number; overdue: number }[];
  };
  competence: {
    /** By date. */
    activities: CompetenceActivityRecord[];
    byOrganisation: { organisationId: string; activities: number }[];
  };
  reReporting: {
    /** Meetings held in the period whose minutes are published: those that can be reported back. */
    meetings: number;
    /** Confirmations for those meetings, every person counted. */
    confirmations: number;
    byOrganisation: { organisationId: string; meetingsReported: number }[];
  };
}

const isHeld = (m: ReportMeeting, now: Date) =>
  m.status !== 'cancelled' && m.startsAt.getTime() + m.durationMinutes * 60_000 <= now.getTime();

/** Counts by key, the given keys first in their order, then null when it was counted. */
function rowsFor<T extends object>(
  ids: readonly string[],
  counted: Map<string | null, T>,
  empty: () => T,
): ({ organisationId: string | null } & T)[] {
  const rows = ids.map((id) => ({ organisationId: id as string | null, ...(counted.get(id) ?? empty()) }));
  const none = counted.get(null);
  return none ? [...rows, { organisationId: null, ...none }] : rows;
}

function tally<T extends object>(map: Map<string | null, T>, key: string | null, empty: () => T, add: (row: T) => void): void {
  const known = map.get(key) ?? empty();
  add(known);
  map.set(key, known);
}

export function buildReport(input: ReportInput): ReportFigures {
  const { period, now } = input;
  const inThePeriod = input.meetings
    .filter((m) => inPeriod(stockholmDate(m.startsAt), period))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const held = inThePeriod.filter((m) => isHeld(m, now));
  const organisationIds = input.organisations.map((o) => o.id);
  const knownOrganisation = new Set(organisationIds);
  // An organisation the group no longer has counts as "no organisation", never as a row of its own.
  const orgKey = (id: string | null): string | null => (id !== null && knownOrganisation.has(id) ? id : null);
  const organisationOf = new Map(input.people.map((p) => [p.id, p.organisationId]));

  // The heat map.
  const grid = representationGrid({
    organisations: input.organisations,
    people: input.people,
    memberships: input.memberships,
    meetings: held,
    attendance: input.attendance,
    proposals: [],
    actions: [],
  });
  const attendance = grid.totals.map((total, i) => ({
    organisationId: total.organisationId,
    cells: grid.meetings.map((m) => m.cells[i]?.mark ?? 'unknown'),
    represented: total.represented,
    bySubstitute: total.bySubstitute,
    known: total.represented + total.absent,
  }));

  // Proposals and decisions, per organisation and per goal.
  const proposals = input.proposals.filter((p) => p.status !== 'withdrawn' && inPeriod(stockholmDate(p.createdAt), period));
  const decidedAt = new Set(inThePeriod.filter((m) => m.status !== 'cancelled').map((m) => m.id));
  const decisions = input.decisions.filter((d) => decidedAt.has(d.meetingId));
  const byOrg = new Map<string | null, { proposals: number; decisions: number }>();
  const goalCounts = new Map<string, { proposals: number; decisions: number }>();
  const zero = () => ({ proposals: 0, decisions: 0 });
  const countGoals = (goalIds: readonly string[], field: 'proposals' | 'decisions') => {
    for (const goalId of new Set(goalIds)) {
      const row = goalCounts.get(goalId) ?? zero();
      row[field] += 1;
      goalCounts.set(goalId, row);
    }
  };
  for (const p of proposals) {
    tally(byOrg, orgKey(p.organisationId), zero, (row) => (row.proposals += 1));
    countGoals(p.goalIds, 'proposals');
  }
  for (const d of decisions) {
    tally(byOrg, orgKey(d.organisationId), zero, (row) => (row.decisions += 1));
    countGoals(d.goalIds, 'decisions');
  }
  const byGoal = input.goals.flatMap((g) => {
    const row = goalCounts.get(g.id);
    return row ? [{ goalId: g.id, ...row }] : [];
  });

  // Actions.
  const asOf = [period.to, stockholmDate(now)].sort()[0] as string;
  const byActionOrg = new Map<string | null, { opened: number; closed: number; overdue: number }>();
  const none = () => ({ opened: 0, closed: 0, overdue: 0 });
  const totals = none();
  for (const action of input.actions) {
    const created = stockholmDate(action.createdAt);
    const done = action.status === 'done' ? (action.doneAt ? stockholmDate(action.doneAt) : '') : null;
    const flags = {
      opened: inPeriod(created, period),
      closed: done !== null && done !== '' && inPeriod(done, period),
      // A done action with no date known is taken as done in time: it is not counted against anyone.
      overdue: created <= asOf && action.dueDate !== null && action.dueDate < asOf && (done === null || (done !== '' && done > asOf)),
    };
    if (!flags.opened && !flags.closed && !flags.overdue) continue;
    tally(byActionOrg, orgKey(action.organisationId), none, (row) => {
      for (const key of ['opened', 'closed', 'overdue'] as const) {
        if (flags[key]) {
          row[key] += 1;
          totals[key] += 1;
        }
      }
    });
  }

  // Competence activities.
  const activities = input.competence.filter((a) => inPeriod(a.date, period)).sort((a, b) => a.date.localeCompare(b.date));
  const competenceByOrganisation = organisationIds.map((organisationId) => ({
    organisationId,
    activities: activities.filter((a) => a.organisationIds.includes(organisationId)).length,
  }));

  // Re-reporting to the förvaltningar.
  const reportable = new Set(held.filter((m) => m.status === 'minutes_published').map((m) => m.id));
  const confirmations = input.reReports.filter((r) => reportable.has(r.meetingId));
  const reportedBy = new Map<string, Set<string>>();
  for (const r of confirmations) {
    const organisationId = organisationOf.get(r.personId) ?? null;
    if (organisationId === null) continue;
    const meetings = reportedBy.get(organisationId) ?? new Set<string>();
    meetings.add(r.meetingId);
    reportedBy.set(organisationId, meetings);
  }

  return {
    period,
    meetings: {
      held: held.map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt })),
      cancelled: inThePeriod.filter((m) => m.status === 'cancelled').length,
      upcoming: inThePeriod.filter((m) => m.status !== 'cancelled' && !isHeld(m, now)).length,
    },
    attendance,
    proposals: proposals.length,
    decisions: decisions.length,
    byOrganisation: rowsFor(organisationIds, byOrg, zero),
    byGoal,
    actions: { asOf, ...totals, byOrganisation: rowsFor(organisationIds, byActionOrg, none) },
    competence: { activities, byOrganisation: competenceByOrganisation },
    reReporting: {
      meetings: reportable.size,
      confirmations: confirmations.length,
      byOrganisation: organisationIds.map((organisationId) => ({
        organisationId,
        meetingsReported: reportedBy.get(organisationId)?.size ?? 0,
      })),
    },
  };
}
