/**
 * Plans each meeting's timed work again whenever something moved it (a trigger raises the
 * meeting's plan: its time or status, its actions, the group's lead times): every run the meeting
 * now needs is scheduled under its key, every run it no longer needs is cancelled. The background
 * worker calls this; planning twice changes nothing, so a crash halfway is simply planned again.
 */
import type { ActionItem } from '../domain/minutes';
import { describeFailure, retryDelayMs } from '../domain/publication';
import {
  plannedRunsForAction,
  plannedRunsForMeeting,
  reReportingNudge,
  representationNudgeRun,
  timedWorkSettings,
  type PlannedRun,
  type TimedRun,
} from '../domain/timed-work';
import type { Clock } from './ports/clock';
import type { JobScheduler } from './ports/job-scheduler';
import type { Logger } from './ports/logger';
import type { Repositories } from './ports/repositories';
import type { TimedPlanRow } from './ports/timed-work-repositories';
import { subGroupReminders } from './sub-group-report-backs';

export const PLAN_LEASE_MS = 2 * 60_000;

export interface PlanTimedWorkDeps {
  repositories: Repositories;
  clock: Clock;
  logger: Logger;
  scheduler: JobScheduler;
}

export async function runDueTimedPlans(deps: PlanTimedWorkDeps, limit = 20): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.repositories.timedPlans.leaseDue(now, new Date(now.getTime() + PLAN_LEASE_MS), limit);
  for (const row of due) await planOne(deps, row);
  return due.length;
}

/** What the meeting needs from now on: its own runs, its actions' reminders, the nudge after its minutes. */
async function wantedRuns(deps: PlanTimedWorkDeps, row: TimedPlanRow): Promise<PlannedRun[]> {
  const repos = deps.repositories;
  const now = deps.clock.now();
  const [group, meeting] = await Promise.all([
    repos.groups.find(row.tenantId, row.groupId),
    repos.meetings.find(row.tenantId, row.meetingId),
  ]);
  if (!group || !meeting) return [];
  const settings = timedWorkSettings(group.settings);
  const runs = plannedRunsForMeeting(meeting, settings, now);
  runs.push(...(await subGroupReminders(repos, meeting, settings, now)));
  if (meeting.status === 'minutes_published') {
    // A week after the first publication; a correction later does not move it.
    const versions = await repos.minutes.listVersions(row.tenantId, meeting.id);
    const first = versions.find((v) => v.status === 'published')?.publishedAt ?? null;
    const nudge = first ? reReportingNudge(meeting.id, first, settings) : null;
    if (nudge && nudge.runAt.getTime() > now.getTime()) runs.push(nudge);
    const representation = first ? representationNudgeRun(meeting.id, first, settings) : null;
    if (representation && representation.runAt.getTime() > now.getTime()) runs.push(representation);
    // An action's reminders start once the minutes that decided it are published.
    const actions: ActionItem[] = await repos.actionItems.listByMeeting(row.tenantId, meeting.id);
    for (const action of actions.filter((a) => a.ownerPersonId)) runs.push(...plannedRunsForAction(action, settings, now));
  }
  return runs;
}

async function planOne(deps: PlanTimedWorkDeps, row: TimedPlanRow): Promise<void> {
  const repos = deps.repositories;
  try {
    const wanted = await wantedRuns(deps, row);
    const existing = new Map((await repos.timedRuns.listByMeeting(row.tenantId, row.meetingId)).map((r) => [r.key, r]));
    const now = deps.clock.now();
    for (const planned of wanted) {
      const before = existing.get(planned.key);
      // Done, failed (retried by pg-boss or by hand) and running runs are left as they are.
      if (before && before.state !== 'cancelled' && !(before.state === 'scheduled' && before.runAt.getTime() !== planned.runAt.getTime()))
        continue;
      await deps.scheduler.schedule(
        { key: planned.key, runAt: planned.runAt, payload: { tenantId: row.tenantId, key: planned.key } },
        { again: before?.state === 'cancelled' },
      );
      const run: TimedRun = {
        tenantId: row.tenantId,
        key: planned.key,
        groupId: row.groupId,
        meetingId: row.meetingId,
        kind: planned.kind,
        subjectId: planned.subjectId,
        runAt: planned.runAt,
        state: 'scheduled',
        attempts: before?.attempts ?? 0,
        outcome: null,
        lastError: null,
        updatedAt: now,
      };
      await repos.timedRuns.save(run);
    }
    const wantedKeys = new Set(wanted.map((r) => r.key));
    // A failed run no longer wanted is dropped too: pg-boss would otherwise retry it.
    const dropped = [...existing.values()].filter((r) => (r.state === 'scheduled' || r.state === 'failed') && !wantedKeys.has(r.key));
    for (const gone of dropped) {
      await deps.scheduler.cancel(gone.key);
      await repos.timedRuns.save({ ...gone, state: 'cancelled', updatedAt: now });
    }
    await repos.timedPlans.save({ ...row, plannedAt: row.wantedAt, attempts: 0, lastError: null, nextAttemptAt: now });
  } catch (error) {
    const attempts = row.attempts + 1;
    const lastError = describeFailure(error);
    deps.logger.warn({ meetingId: row.meetingId, attempts, err: lastError }, 'planning timed work failed; trying again later');
    const now = deps.clock.now();
    await repos.timedPlans.save({ ...row, attempts, lastError, nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) });
  }
}
