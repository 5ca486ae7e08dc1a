/**
 * `npm run jobs`: the failed, running and next timed work of every group, one line per run (ids,
 * kinds, times, counts: no personal data); `npm run jobs -- retry <tenant id> <key>` runs a failed
 * one again at once. main.ts brings the database and pg-boss. With the embedded database, stop the
 * service first (one process at a time holds its folder).
 */
import { listAllTimedWork } from './app/list-all-timed-work';
import type { Clock } from './app/ports/clock';
import type { JobScheduler } from './app/ports/job-scheduler';
import type { Repositories } from './app/ports/repositories';
import { retryTimedWork } from './app/retry-timed-work';
import type { TimedRun } from './domain/timed-work';

export interface JobsCommandDeps {
  repositories: Repositories;
  clock: Clock;
  /** Only a retry needs pg-boss running. */
  startScheduler: () => Promise<JobScheduler & { stop(): Promise<void> }>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** One line per run: when, state, what, attempts, and counts or the recorded error. */
export function formatRun(run: TimedRun): string {
  const outcome = run.outcome
    ? Object.entries(run.outcome)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')
    : '';
  return [
    run.runAt.toISOString(),
    run.state.padEnd(9),
    run.kind.padEnd(26),
    `attempts=${run.attempts}`,
    outcome,
    run.lastError ?? '',
    run.tenantId,
    run.key,
  ]
    .filter((part) => part !== '')
    .join('  ');
}

/** Answers the exit code: 0, or 2 for a command it does not understand. */
export async function runJobsCommand(deps: JobsCommandDeps, args: readonly string[]): Promise<number> {
  if (args[0] === 'retry') {
    const [tenantId, key] = args.slice(1);
    if (!tenantId || !key) {
      deps.err(
        'Usage: npm run jobs -- retry <tenant id> <key> (deployed: node dist/bot/src/main.js jobs retry <tenant id> <key>), both as the list prints them.\n',
      );
      return 2;
    }
    const scheduler = await deps.startScheduler();
    try {
      await retryTimedWork({ repositories: deps.repositories, clock: deps.clock, scheduler }, { by: 'operations', tenantId, key });
    } finally {
      await scheduler.stop();
    }
    deps.out(`${key}: scheduled to run again now; the service takes it up within JOBS_POLL_SECONDS.\n`);
    return 0;
  }
  if (args.length > 0) {
    deps.err('Usage: npm run jobs (list), or npm run jobs -- retry <tenant id> <key>.\n');
    return 2;
  }
  const report = await listAllTimedWork(deps.repositories);
  for (const [title, runs] of [
    ['Failed', report.failed],
    ['Running', report.running],
    ['Next', report.next],
  ] as const) {
    deps.out(`${title} (${runs.length}):\n${runs.map((r) => `  ${formatRun(r)}\n`).join('') || '  none\n'}`);
  }
  return 0;
}
