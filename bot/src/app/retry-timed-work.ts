/**
 * A failed run tried again at once: by a strategist of its group from the tab, or by operations
 * (`npm run jobs retry <key>`). The fan-out reaches only those the failed run did not.
 */
import { AppError } from './errors';
import { findMember, isStrategist, type Actor } from './find-member';
import type { Clock } from './ports/clock';
import type { JobScheduler } from './ports/job-scheduler';
import type { Repositories } from './ports/repositories';

export async function retryTimedWork(
  deps: { repositories: Repositories; clock: Clock; scheduler: JobScheduler },
  input: { by: Actor; groupId: string; tenantId: string; key: string } | { by: 'operations'; tenantId: string; key: string },
): Promise<void> {
  const repos = deps.repositories;
  // Who first, then which run: a caller who may not retry learns nothing about which keys exist.
  if (input.by !== 'operations' && 'groupId' in input) {
    const member = await findMember(repos, input.by, input.groupId);
    if (!isStrategist(member)) throw new AppError('forbidden', 'Only strategists retry timed work');
  }
  const run = await repos.timedRuns.find(input.tenantId, input.key);
  if (!run || ('groupId' in input && run.groupId !== input.groupId)) throw new AppError('not-found', 'No such timed run');
  if (run.state !== 'failed') throw new AppError('conflict', 'Only a failed run can be tried again');
  const now = deps.clock.now();
  await deps.scheduler.schedule({ key: run.key, runAt: now, payload: { tenantId: run.tenantId, key: run.key } }, { again: true });
  await repos.timedRuns.save({ ...run, state: 'scheduled', lastError: null, updatedAt: now });
}
