/**
 * Runs one planned run when the scheduler says it is due, on whichever instance took the job:
 * the call for proposals, the deadline reminder, the kallelse, the status request, the day-before
 * reminder, an action's due reminder, the re-reporting nudge. The fan-out underneath gives each
 * person a message once, so a run that is repeated (after a crash, by two instances, by hand)
 * reaches only those not yet reached. Its outcome is stored and logged as counts, never names.
 */
import { describeFailure } from '../domain/publication';
import type { TimedRun } from '../domain/timed-work';
import { AppError } from './errors';
import { noOne, type FanOutReport, type Pacer } from './fan-out';
import { nudgeReReporting } from './nudge-re-reporting';
import { nudgeRepresentation } from './nudge-representation';
import { remindActionDue } from './remind-action-due';
import { remindDayBefore } from './remind-day-before';
import { remindProposalDeadline } from './remind-proposal-deadline';
import { remindSubGroupConvenor } from './remind-sub-group-convenor';
import { requestActionStatus } from './request-action-status';
import { sendCallForProposals } from './send-call-for-proposals';
import { sendKallelse } from './send-kallelse';
import type { SendToGroupDeps } from './send-to-group';

/** Thrown so the scheduler tries the run again later: someone's message is held by another sender. */
export class RunAgainLater extends Error {}

/** The recorded reason of a run that waits for messages another sender holds. */
export const HELD_ELSEWHERE = 'held-elsewhere';

export type TimedRunResult = 'done' | 'skipped';

/** What is stored, shown and logged of a fan-out: counts, never who. */
function counts(report: FanOutReport): Record<string, number> & { heldElsewhere: number } {
  return {
    sent: report.sent,
    alreadySent: report.alreadySent,
    mailed: report.mailed.length,
    notReached: report.notReached.length,
    heldElsewhere: report.inProgress,
  };
}

async function carryOut(deps: SendToGroupDeps, pacer: Pacer, run: TimedRun): Promise<FanOutReport | 'nothing-to-do'> {
  const input = { by: 'scheduler' as const, tenantId: run.tenantId, meetingId: run.meetingId };
  try {
    switch (run.kind) {
      case 'call-for-proposals':
        return await sendCallForProposals(deps, pacer, input);
      case 'proposal-deadline-reminder':
        return await remindProposalDeadline(deps, pacer, input);
      case 'kallelse': {
        // Sent by the chair already (the meeting is "called"): nothing for the scheduler to send.
        const meeting = await deps.repositories.meetings.find(run.tenantId, run.meetingId);
        if (meeting?.status !== 'planned') return 'nothing-to-do';
        return await sendKallelse(deps, pacer, input);
      }
      case 'action-status-request':
        return await requestActionStatus(deps, pacer, input);
      case 'day-before-reminder':
        return await remindDayBefore(deps, pacer, input);
      case 'action-due-reminder':
        return await remindActionDue(deps, pacer, { tenantId: run.tenantId, actionId: run.subjectId });
      case 're-reporting-nudge':
        return await nudgeReReporting(deps, pacer, input);
      case 'representation-nudge':
        return await nudgeRepresentation(deps, pacer, input);
      case 'sub-group-reminder':
        return await remindSubGroupConvenor(deps, pacer, { tenantId: run.tenantId, subGroupId: run.subjectId, meetingId: run.meetingId });
    }
  } catch (error) {
    // The meeting no longer takes proposals, was cancelled, has begun: the run has nothing to do.
    if (error instanceof AppError && error.code === 'conflict') return 'nothing-to-do';
    throw error;
  }
}

export async function runTimedWork(deps: SendToGroupDeps, pacer: Pacer, job: { tenantId: string; key: string }): Promise<TimedRunResult> {
  const repos = deps.repositories;
  // One runner at a time: `running` left by a process that died is taken over (the scheduler
  // hands a job out again only after the holder stopped answering).
  const run = await repos.timedRuns.start(job.tenantId, job.key, ['scheduled', 'failed', 'running'], deps.clock.now());
  if (!run) return 'skipped'; // cancelled, or done already
  const log = { kind: run.kind, key: run.key, attempt: run.attempts };
  // While it runs, the counts so far: the strategists see a long fan-out advance.
  const progress = async (so: FanOutReport) => repos.timedRuns.save({ ...run, outcome: counts(so), updatedAt: deps.clock.now() });
  try {
    const result = await carryOut({ ...deps, progress }, pacer, run);
    const outcome = counts(result === 'nothing-to-do' ? noOne() : result);
    if (outcome.heldElsewhere > 0) {
      await repos.timedRuns.save({ ...run, state: 'failed', outcome, lastError: HELD_ELSEWHERE, updatedAt: deps.clock.now() });
      deps.logger.info({ ...log, ...outcome }, 'timed work ran; some messages are held by another sender, trying again later');
      throw new RunAgainLater(`${outcome.heldElsewhere} messages are held by another sender`);
    }
    await repos.timedRuns.save({ ...run, state: 'done', outcome, lastError: null, updatedAt: deps.clock.now() });
    deps.logger.info({ ...log, ...outcome }, 'timed work done');
    return 'done';
  } catch (error) {
    if (error instanceof RunAgainLater) throw error;
    const lastError = describeFailure(error);
    await repos.timedRuns.save({ ...run, state: 'failed', lastError, updatedAt: deps.clock.now() });
    deps.logger.warn({ ...log, err: lastError }, 'timed work failed');
    throw error;
  }
}
