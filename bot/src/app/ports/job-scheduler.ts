/**
 * Timed work that survives restarts and runs once across instances (issue 6): the app says what
 * should run when, under a key; the jobs adapter (pg-boss, on the same database) keeps it and
 * hands each due run to the runner (app/run-timed-work.ts) on one instance. A key scheduled twice
 * is one job; a cancelled key does not run.
 */
export interface ScheduledRun {
  /** What the run is for and the local day it is planned on (domain/timed-work.ts). */
  key: string;
  /** On the application's clock. */
  runAt: Date;
  /** Handed to the runner as it is: ids only. */
  payload: Record<string, string>;
}

export interface JobScheduler {
  /**
   * Schedules the run under its key. A key waiting to run is moved to `runAt`; one that ran,
   * failed or was cancelled is left alone unless `again` (a retry by hand, a meeting moved back).
   */
  schedule(run: ScheduledRun, options?: { again?: boolean }): Promise<void>;
  cancel(key: string): Promise<void>;
}
