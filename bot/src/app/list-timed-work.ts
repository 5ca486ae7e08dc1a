/**
 * The strategists' view of their group's timed work: what is planned, what ran and how it went
 * (counts), what failed and why. The same list `npm run jobs` prints for every group.
 */
import type { TimedRun } from '../domain/timed-work';
import { AppError } from './errors';
import { HELD_ELSEWHERE } from './run-timed-work';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { Repositories } from './ports/repositories';

export interface TimedWorkView {
  key: string;
  kind: TimedRun['kind'];
  meeting: { id: string; title: string } | null;
  runAt: Date;
  state: TimedRun['state'];
  attempts: number;
  outcome: TimedRun['outcome'];
  /**
   * Why the last attempt failed, as a word the tab translates: messages held by another sender
   * (tried again shortly), or an error (its text is in the log, not shown: it is technical).
   */
  failure: 'held-elsewhere' | 'error' | null;
}

/** What a run looked back on still shows: a month of history. */
const HISTORY_MS = 31 * 86_400_000;

export async function listTimedWork(
  deps: { repositories: Repositories; clock: Clock },
  input: Actor & { groupId: string },
): Promise<TimedWorkView[]> {
  const repos = deps.repositories;
  const member = await findMember(repos, input, input.groupId);
  if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists see the timed work');
  const [runs, meetings] = await Promise.all([
    repos.timedRuns.listByGroup(input.tenantId, input.groupId, new Date(deps.clock.now().getTime() - HISTORY_MS)),
    repos.meetings.listByGroup(input.tenantId, input.groupId),
  ]);
  const byId = new Map(meetings.map((m) => [m.id, m]));
  return runs
    .filter((r) => r.state !== 'cancelled')
    .map((r) => {
      const meeting = byId.get(r.meetingId);
      return {
        key: r.key,
        kind: r.kind,
        meeting: meeting ? { id: meeting.id, title: meeting.title } : null,
        runAt: r.runAt,
        state: r.state,
        attempts: r.attempts,
        outcome: r.outcome,
        failure: r.lastError === null ? null : r.lastError === HELD_ELSEWHERE ? 'held-elsewhere' : 'error',
      };
    });
}
