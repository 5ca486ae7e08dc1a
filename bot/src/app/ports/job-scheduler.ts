/**
 * Timed work that survives restarts and runs once across instances (issue 6): the app says what
 * should run when, under a key; the jobs adapter (pg-boss, on the same database) keeps it. A key
 * scheduled twice is one job; a cancelled key does not run.
 */
export interface ScheduledRun {
  /** The queue, one per kind of work (e.g. "day-before-reminder"). */
  name: string;
  /** What the run is for and when it was planned (domain/timed-work.ts): the same key, the same job. */
  key: string;
  runAt: Date;
  payload: Record<string, string>;
}

export interface JobScheduler {
  schedule(run: ScheduledRun): Promise<void>;
  cancel(name: string, key: string): Promise<void>;
  /** Handles the due runs of one queue; a handler that throws is retried by the scheduler. */
  work(name: string, handler: (payload: Record<string, string>) => Promise<void>): Promise<void>;
}
