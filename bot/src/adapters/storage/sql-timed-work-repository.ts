import type { ActionStatusAnswer, ReportedStatus } from '../../domain/action-status';
import type { TimedRun, TimedRunState, TimedWorkKind } from '../../domain/timed-work';
import type {
  ActionStatusRepository,
  TimedPlanRepository,
  TimedPlanRow,
  TimedRunRepository,
} from '../../app/ports/timed-work-repositories';
import type { SqlDatabase } from './sql-database';

interface PlanRow {
  tenant_id: string;
  group_id: string;
  meeting_id: string;
  wanted_at: Date;
  planned_at: Date | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
}

const PLAN_COLUMNS = 'tenant_id, group_id, meeting_id, wanted_at, planned_at, attempts, last_error, next_attempt_at';

export class SqlTimedPlanRepository implements TimedPlanRepository {
  constructor(private readonly db: SqlDatabase) {}

  async leaseDue(now: Date, leaseUntil: Date, limit: number): Promise<TimedPlanRow[]> {
    const rows = await this.db.query<PlanRow>(
      `UPDATE timed_plan SET lease_until = $2
       WHERE (tenant_id, meeting_id) IN (
         SELECT tenant_id, meeting_id FROM timed_plan
         WHERE (planned_at IS NULL OR planned_at < wanted_at) AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING ${PLAN_COLUMNS}`,
      [now, leaseUntil, limit],
    );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      groupId: r.group_id,
      meetingId: r.meeting_id,
      wantedAt: r.wanted_at,
      plannedAt: r.planned_at,
      attempts: r.attempts,
      lastError: r.last_error,
      nextAttemptAt: r.next_attempt_at,
    }));
  }

  // A wish raised while the plan was made keeps wanted_at ahead of planned_at: planned again.
  async save(row: TimedPlanRow): Promise<void> {
    await this.db.query(
      `UPDATE timed_plan SET planned_at = $3, attempts = $4, last_error = $5,
         next_attempt_at = CASE WHEN wanted_at > $6 THEN '-infinity'::timestamptz ELSE $7 END, lease_until = NULL
       WHERE tenant_id = $1 AND meeting_id = $2`,
      [row.tenantId, row.meetingId, row.plannedAt, row.attempts, row.lastError, row.wantedAt, row.nextAttemptAt],
    );
  }
}

interface RunRow {
  tenant_id: string;
  key: string;
  group_id: string;
  meeting_id: string;
  kind: string;
  subject_id: string;
  run_at: Date;
  state: string;
  attempts: number;
  outcome: Record<string, number> | null;
  last_error: string | null;
  updated_at: Date;
}

const RUN_COLUMNS = 'tenant_id, key, group_id, meeting_id, kind, subject_id, run_at, state, attempts, outcome, last_error, updated_at';

function toRun(r: RunRow): TimedRun {
  return {
    tenantId: r.tenant_id,
    key: r.key,
    groupId: r.group_id,
    meetingId: r.meeting_id,
    kind: r.kind as TimedWorkKind,
    subjectId: r.subject_id,
    runAt: r.run_at,
    state: r.state as TimedRunState,
    attempts: r.attempts,
    outcome: r.outcome,
    lastError: r.last_error,
    updatedAt: r.updated_at,
  };
}

export class SqlTimedRunRepository implements TimedRunRepository {
  constructor(private readonly db: SqlDatabase) {}

  async find(tenantId: string, key: string): Promise<TimedRun | null> {
    const rows = await this.db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM timed_run WHERE tenant_id = $1 AND key = $2`, [tenantId, key]);
    return rows[0] ? toRun(rows[0]) : null;
  }

  async listByMeeting(tenantId: string, meetingId: string): Promise<TimedRun[]> {
    const rows = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM timed_run WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY run_at, key`,
      [tenantId, meetingId],
    );
    return rows.map(toRun);
  }

  async listByGroup(tenantId: string, groupId: string, from: Date): Promise<TimedRun[]> {
    const rows = await this.db.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM timed_run WHERE tenant_id = $1 AND group_id = $2 AND (run_at >= $3 OR state IN ('failed', 'running'))
       ORDER BY run_at, key`,
      [tenantId, groupId, from],
    );
    return rows.map(toRun);
  }

  async listByState(states: readonly TimedRunState[], limit: number): Promise<TimedRun[]> {
    const rows = await this.db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM timed_run WHERE state = ANY($1) ORDER BY run_at, key LIMIT $2`, [
      states,
      limit,
    ]);
    return rows.map(toRun);
  }

  async save(run: TimedRun): Promise<void> {
    await this.db.query(
      `INSERT INTO timed_run (${RUN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)
       ON CONFLICT (tenant_id, key) DO UPDATE SET run_at = excluded.run_at, state = excluded.state, attempts = excluded.attempts,
         outcome = excluded.outcome, last_error = excluded.last_error, updated_at = excluded.updated_at`,
      [
        run.tenantId,
        run.key,
        run.groupId,
        run.meetingId,
        run.kind,
        run.subjectId,
        run.runAt,
        run.state,
        run.attempts,
        run.outcome === null ? null : JSON.stringify(run.outcome),
        run.lastError,
        run.updatedAt,
      ],
    );
  }

  async start(tenantId: string, key: string, from: readonly TimedRunState[], at: Date): Promise<TimedRun | null> {
    const rows = await this.db.query<RunRow>(
      `UPDATE timed_run SET state = 'running', attempts = attempts + 1, updated_at = $4
       WHERE tenant_id = $1 AND key = $2 AND state = ANY($3) RETURNING ${RUN_COLUMNS}`,
      [tenantId, key, from, at],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }
}

interface AnswerRow {
  tenant_id: string;
  action_id: string;
  for_meeting_id: string;
  person_id: string;
  status: string;
  comment: string;
  answered_at: Date;
}

export class SqlActionStatusRepository implements ActionStatusRepository {
  constructor(private readonly db: SqlDatabase) {}

  async save(answer: ActionStatusAnswer): Promise<void> {
    await this.db.query(
      `INSERT INTO action_status_report (tenant_id, action_id, for_meeting_id, person_id, status, comment, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, action_id, for_meeting_id) DO UPDATE SET
         person_id = excluded.person_id, status = excluded.status, comment = excluded.comment, answered_at = excluded.answered_at`,
      [answer.tenantId, answer.actionId, answer.forMeetingId, answer.personId, answer.status, answer.comment, answer.answeredAt],
    );
  }

  async listForMeeting(tenantId: string, meetingId: string): Promise<ActionStatusAnswer[]> {
    const rows = await this.db.query<AnswerRow>(
      `SELECT tenant_id, action_id, for_meeting_id, person_id, status, comment, answered_at FROM action_status_report
       WHERE tenant_id = $1 AND for_meeting_id = $2 ORDER BY answered_at, action_id`,
      [tenantId, meetingId],
    );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      actionId: r.action_id,
      forMeetingId: r.for_meeting_id,
      personId: r.person_id,
      status: r.status as ReportedStatus,
      comment: r.comment,
      answeredAt: r.answered_at,
    }));
  }
}
