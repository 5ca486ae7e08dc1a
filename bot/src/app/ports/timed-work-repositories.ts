/**
 * What timed work keeps in the database besides the scheduler's own jobs: which meetings must be
 * planned again (raised by triggers, leased by the worker like the other outboxes), each planned
 * run and how it went, and the action owners' status answers.
 */
import type { ActionStatusAnswer } from '../../domain/action-status';
import type { TimedRun, TimedRunState } from '../../domain/timed-work';

export interface TimedPlanRow {
  tenantId: string;
  groupId: string;
  meetingId: string;
  /** Raised by every change that moves a run; due while plannedAt is older. */
  wantedAt: Date;
  plannedAt: Date | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
}

export interface TimedPlanRepository {
  /** Up to `limit` due plans of any tenant, leased until `leaseUntil`. */
  leaseDue(now: Date, leaseUntil: Date, limit: number): Promise<TimedPlanRow[]>;
  /** Stores the outcome and gives the lease back. */
  save(row: TimedPlanRow): Promise<void>;
}

export interface TimedRunRepository {
  find(tenantId: string, key: string): Promise<TimedRun | null>;
  listByMeeting(tenantId: string, meetingId: string): Promise<TimedRun[]>;
  /** A group's runs from `from` on, soonest first. */
  listByGroup(tenantId: string, groupId: string, from: Date): Promise<TimedRun[]>;
  /** Every tenant's runs in these states (operations: `npm run jobs`). */
  listByState(states: readonly TimedRunState[], limit: number): Promise<TimedRun[]>;
  /** Inserts or replaces the run under its key. */
  save(run: TimedRun): Promise<void>;
  /**
   * Marks the run `running` when it is in one of `from` (one runner at a time, also across
   * instances); null when it was not.
   */
  start(tenantId: string, key: string, from: readonly TimedRunState[], at: Date): Promise<TimedRun | null>;
}

export interface ActionStatusRepository {
  /** One answer per action and meeting: a second answer replaces the first. */
  save(answer: ActionStatusAnswer): Promise<void>;
  /** The answers collected for a meeting's follow-up, oldest first. */
  listForMeeting(tenantId: string, meetingId: string): Promise<ActionStatusAnswer[]>;
}
