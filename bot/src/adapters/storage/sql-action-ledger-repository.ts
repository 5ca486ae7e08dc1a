import type { ActionChange, ActionLedgerRepository } from '../../app/ports/action-ledger-repository';
import { actionSubject } from '../../app/ports/action-ledger-repository';
import type { ActionStatusAnswer, ReportedStatus } from '../../domain/action-status';
import type { RecordedAuditEvent } from '../../domain/audit';
import type { ActionItem, ActionStatus } from '../../domain/minutes';
import type { SqlDatabase } from './sql-database';

interface ActionRow {
  tenant_id: string;
  id: string;
  group_id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  position: number;
  title: string;
  owner_person_id: string | null;
  organisation_id: string | null;
  due_date: string | null;
  status: ActionStatus;
  created_at: Date;
  updated_at: Date;
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

interface EventRow {
  id: string;
  tenant_id: string;
  group_id: string | null;
  actor_person_id: string | null;
  action: string;
  subject: string;
  at: Date;
  detail: Record<string, unknown>;
}

const COLUMNS =
  'tenant_id, id, group_id, meeting_id, agenda_item_id, position, title, owner_person_id, organisation_id, due_date, status, created_at, updated_at';
const ANSWER_COLUMNS = 'r.tenant_id, r.action_id, r.for_meeting_id, r.person_id, r.status, r.comment, r.answered_at';

function toAction(row: ActionRow): ActionItem {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    groupId: row.group_id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    position: row.position,
    title: row.title,
    ownerPersonId: row.owner_person_id,
    organisationId: row.organisation_id,
    dueDate: row.due_date,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toAnswer(row: AnswerRow): ActionStatusAnswer {
  return {
    tenantId: row.tenant_id,
    actionId: row.action_id,
    forMeetingId: row.for_meeting_id,
    personId: row.person_id,
    status: row.status as ReportedStatus,
    comment: row.comment,
    answeredAt: row.answered_at,
  };
}

export class SqlActionLedgerRepository implements ActionLedgerRepository {
  constructor(private readonly db: SqlDatabase) {}

  async listPublishedByGroup(tenantId: string, groupId: string): Promise<ActionItem[]> {
    const rows = await this.db.query<ActionRow>(
      `SELECT ${COLUMNS.split(', ')
        .map((c) => `a.${c}`)
        .join(', ')}
       FROM action_item a JOIN meeting m ON m.tenant_id = a.tenant_id AND m.id = a.meeting_id
       WHERE a.tenant_id = $1 AND a.group_id = $2 AND m.status = 'minutes_published'
       ORDER BY a.due_date NULLS LAST, a.id COLLATE "C"`,
      [tenantId, groupId],
    );
    return rows.map(toAction);
  }

  async lock(tenantId: string, actionId: string): Promise<ActionItem | null> {
    const rows = await this.db.query<ActionRow>(`SELECT ${COLUMNS} FROM action_item WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [
      tenantId,
      actionId,
    ]);
    return rows[0] ? toAction(rows[0]) : null;
  }

  async latestAnswersByGroup(tenantId: string, groupId: string): Promise<ActionStatusAnswer[]> {
    const rows = await this.db.query<AnswerRow>(
      `SELECT DISTINCT ON (r.action_id) ${ANSWER_COLUMNS}
       FROM action_status_report r JOIN action_item a ON a.tenant_id = r.tenant_id AND a.id = r.action_id
       WHERE r.tenant_id = $1 AND a.group_id = $2
       ORDER BY r.action_id, r.answered_at DESC, r.for_meeting_id COLLATE "C" DESC`,
      [tenantId, groupId],
    );
    return rows.map(toAnswer);
  }

  async listAnswers(tenantId: string, actionId: string): Promise<ActionStatusAnswer[]> {
    const rows = await this.db.query<AnswerRow>(
      `SELECT ${ANSWER_COLUMNS} FROM action_status_report r WHERE r.tenant_id = $1 AND r.action_id = $2
       ORDER BY r.answered_at, r.for_meeting_id COLLATE "C"`,
      [tenantId, actionId],
    );
    return rows.map(toAnswer);
  }

  async listChanges(tenantId: string, groupId: string, actionId: string): Promise<RecordedAuditEvent[]> {
    const rows = await this.db.query<EventRow>(
      `SELECT id::text AS id, tenant_id, group_id, actor_person_id, action, subject, at, detail FROM audit_event
       WHERE tenant_id = $1 AND group_id = $2 AND subject = $3
       ORDER BY at, id`,
      [tenantId, groupId, actionSubject(actionId)],
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      groupId: row.group_id,
      actorPersonId: row.actor_person_id,
      action: row.action,
      subject: row.subject,
      at: row.at,
      detail: row.detail,
    }));
  }

  async change(tenantId: string, actionId: string, change: ActionChange, at: Date): Promise<void> {
    // The timed_plan trigger on action_item plans the meeting again: a done action's reminders go.
    await this.db.query(
      `UPDATE action_item SET status = $3, due_date = $4, owner_person_id = $5, organisation_id = $6, updated_at = $7
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, actionId, change.status, change.dueDate, change.ownerPersonId, change.organisationId, at],
    );
  }
}
