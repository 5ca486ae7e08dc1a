/**
 * When the timed work of a meeting is due, planned on Stockholm's wall clock: the call for
 * proposals, the reminder before the proposal deadline, the status request to action owners, the
 * day-before reminder; the due reminders of an action; the re-reporting nudge after the minutes.
 * Each is at a local time of day (09:00 unless the group says otherwise), so it goes out at 09:00
 * on both sides of a daylight-saving change. The job runner (issue 6) schedules what this says.
 *
 * Each planned run has a key naming what it is for and the local day it is planned on: moving a
 * meeting gives new keys (the runner cancels the old ones), running a job twice finds the same key.
 */
import type { GroupSettings } from './group';
import type { Meeting } from './meeting';
import { lastDayToPropose } from './proposal';
import { fromStockholm, toStockholm } from './stockholm-time';

export type TimedWorkKind =
  | 'call-for-proposals'
  | 'proposal-deadline-reminder'
  | 'kallelse'
  | 'action-status-request'
  | 'day-before-reminder'
  | 'action-due-reminder'
  | 're-reporting-nudge'
  | 'sub-group-reminder'
  | 'representation-nudge';

export interface PlannedRun {
  kind: TimedWorkKind;
  /** The meeting (or action) it is for. */
  subjectId: string;
  runAt: Date;
  /** `<kind>:<subject>:<local day YYYY-MM-DD>`: one run per thing and day. */
  key: string;
}

/** Lead times with their defaults; a group can set its own (GroupSettings). */
export interface TimedWorkSettings {
  callForProposalsDays: number;
  proposalDeadlineDays: number;
  /** The kallelse goes out on its own this many days before the meeting; null: only by hand. */
  kallelseDays: number | null;
  /** The proposal-deadline reminder goes this many days before the last day to propose. */
  deadlineReminderDays: number;
  /** Action owners are asked for their status this many days before the meeting. */
  statusRequestDays: number;
  /** The re-reporting nudge comes this many days after the minutes were published. */
  reReportingNudgeDays: number;
  /** Local time of day for every run, "HH:MM". */
  sendAt: string;
}

export const DEFAULT_TIMED_WORK: Omit<TimedWorkSettings, 'callForProposalsDays' | 'proposalDeadlineDays'> = {
  kallelseDays: 5,
  deadlineReminderDays: 2,
  statusRequestDays: 5,
  reReportingNudgeDays: 7,
  sendAt: '09:00',
};

export function timedWorkSettings(
  settings: Pick<GroupSettings, 'callForProposalsDays' | 'proposalDeadlineDays' | 'kallelseDays' | 'remindersAt'>,
): TimedWorkSettings {
  return {
    ...DEFAULT_TIMED_WORK,
    callForProposalsDays: settings.callForProposalsDays,
    proposalDeadlineDays: settings.proposalDeadlineDays,
    ...(settings.kallelseDays !== undefined ? { kallelseDays: settings.kallelseDays } : {}),
    ...(settings.remindersAt && TIME_OF_DAY.test(settings.remindersAt) ? { sendAt: settings.remindersAt } : {}),
  };
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/** The Stockholm calendar day `days` after (negative: before) the day of `instant`. */
function dayOffset(instant: Date, days: number): LocalDay {
  const local = toStockholm(instant);
  const shifted = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: LocalDay) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function run(kind: TimedWorkKind, subjectId: string, day: LocalDay, sendAt: string): PlannedRun {
  const [hour = 9, minute = 0] = sendAt.split(':').map(Number);
  return { kind, subjectId, runAt: fromStockholm({ ...day, hour, minute }), key: `${kind}:${subjectId}:${isoDay(day)}` };
}

/**
 * The runs a meeting needs, in time order, leaving out those already past at `now` and every run
 * of a cancelled meeting. A run falling after the event it prepares (e.g. a long lead time on a
 * meeting planned late) is left out too.
 */
export function plannedRunsForMeeting(meeting: Meeting, settings: TimedWorkSettings, now: Date): PlannedRun[] {
  if (meeting.status === 'cancelled' || meeting.status === 'held' || meeting.status === 'minutes_published') return [];
  // A kallelse the chair has sent already (the meeting is "called") needs no run of its own.
  const autoKallelse = settings.kallelseDays !== null && meeting.status === 'planned';
  const lastDay = lastDayToPropose(meeting.startsAt, settings);
  const runs = [
    run('call-for-proposals', meeting.id, dayOffset(meeting.startsAt, -settings.callForProposalsDays), settings.sendAt),
    run('proposal-deadline-reminder', meeting.id, dayOffset(lastDay, -settings.deadlineReminderDays), settings.sendAt),
    ...(autoKallelse ? [run('kallelse', meeting.id, dayOffset(meeting.startsAt, -(settings.kallelseDays ?? 0)), settings.sendAt)] : []),
    run('action-status-request', meeting.id, dayOffset(meeting.startsAt, -settings.statusRequestDays), settings.sendAt),
    run('day-before-reminder', meeting.id, dayOffset(meeting.startsAt, -1), settings.sendAt),
  ];
  return runs
    .filter((r) => r.runAt.getTime() > now.getTime() && r.runAt.getTime() < meeting.startsAt.getTime())
    .sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

/** An open action's reminders: three days before it is due and on the day. */
export function plannedRunsForAction(
  action: { id: string; dueDate: string | null; status: string },
  settings: Pick<TimedWorkSettings, 'sendAt'>,
  now: Date,
): PlannedRun[] {
  if (!action.dueDate || action.status === 'done') return [];
  const [year, month, day] = action.dueDate.split('-').map(Number) as [number, number, number];
  const due = new Date(Date.UTC(year, month - 1, day));
  return [3, 0]
    .map((before) => {
      const d = new Date(due.getTime() - before * 86_400_000);
      return run(
        'action-due-reminder',
        action.id,
        { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() },
        settings.sendAt,
      );
    })
    .filter((r) => r.runAt.getTime() > now.getTime());
}

/** The nudge to delegates who have not reported back, some days after the minutes were published. */
export function reReportingNudge(
  meetingId: string,
  publishedAt: Date,
  settings: Pick<TimedWorkSettings, 'reReportingNudgeDays' | 'sendAt'>,
): PlannedRun {
  return run('re-reporting-nudge', meetingId, dayOffset(publishedAt, settings.reReportingNudgeDays), settings.sendAt);
}

/**
 * The reminder to a sub-group's convenor before the meeting it reports back at (domain/sub-group.ts):
 * as many days ahead as the action owners' status request, what is owed to the meeting being asked
 * for together. Left out when that day is past or the meeting is not ahead any more.
 */
export function subGroupReminder(
  subGroupId: string,
  meeting: Meeting,
  settings: Pick<TimedWorkSettings, 'statusRequestDays' | 'sendAt'>,
  now: Date,
): PlannedRun | null {
  if (meeting.status !== 'planned' && meeting.status !== 'called') return null;
  const planned = run('sub-group-reminder', subGroupId, dayOffset(meeting.startsAt, -settings.statusRequestDays), settings.sendAt);
  return planned.runAt.getTime() > now.getTime() && planned.runAt.getTime() < meeting.startsAt.getTime() ? planned : null;
}

/**
 * The check after a meeting's minutes are first published (the day after, when its presence is on
 * record): delegates of a förvaltning that missed the last two meetings held are nudged
 * (`representationNudges`). Tied to the minutes rather than the meeting's end: before them,
 * nobody may have noted who was there, and an unknown meeting nudges no one.
 */
export function representationNudgeRun(meetingId: string, publishedAt: Date, settings: Pick<TimedWorkSettings, 'sendAt'>): PlannedRun {
  return run('representation-nudge', meetingId, dayOffset(publishedAt, 1), settings.sendAt);
}

/** How a planned run went: `scheduled` until it runs, then `done` or `failed` (retried by pg-boss, or by hand). */
export type TimedRunState = 'scheduled' | 'running' | 'done' | 'failed' | 'cancelled';

/** A run as Arbetsrum planned it; its key is also the job's id in the scheduler. */
export interface TimedRun {
  tenantId: string;
  key: string;
  groupId: string;
  /** The meeting whose plan it belongs to (an action's meeting for its reminders). */
  meetingId: string;
  kind: TimedWorkKind;
  subjectId: string;
  runAt: Date;
  state: TimedRunState;
  attempts: number;
  /** Counts only (sent, not reached, …), never who: it is shown and logged. */
  outcome: Record<string, number> | null;
  lastError: string | null;
  updatedAt: Date;
}

export const TIMED_WORK_KINDS: readonly TimedWorkKind[] = [
  'call-for-proposals',
  'proposal-deadline-reminder',
  'kallelse',
  'action-status-request',
  'day-before-reminder',
  'action-due-reminder',
  're-reporting-nudge',
  'sub-group-reminder',
  'representation-nudge',
];
