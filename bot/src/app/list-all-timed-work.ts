/**
 * Operations' view of the timed work of every group (`npm run jobs`): what failed, what is
 * running now, and what comes next. Ids, kinds, times and counts only: no names, no addresses.
 */
import type { TimedRun } from '../domain/timed-work';
import type { Repositories } from './ports/repositories';

export interface TimedWorkReport {
  failed: TimedRun[];
  running: TimedRun[];
  next: TimedRun[];
}

export async function listAllTimedWork(repos: Repositories, limit = 20): Promise<TimedWorkReport> {
  const [failed, running, next] = await Promise.all([
    repos.timedRuns.listByState(['failed'], limit),
    repos.timedRuns.listByState(['running'], limit),
    repos.timedRuns.listByState(['scheduled'], limit),
  ]);
  return { failed, running, next };
}
