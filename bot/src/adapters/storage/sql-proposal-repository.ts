import type { ProposalRepository } from '../../app/ports/repositories';
import type { Proposal, ProposalKind, ProposalStatus } from '../../domain/proposal';
import type { SqlDatabase } from './sql-database';

interface ProposalRow {
  tenant_id: string;
  id: string;
  group_id: string;
  title: string;
  description: string;
  kind: ProposalKind;
  organisation_id: string | null;
  proposer_person_id: string;
  meeting_id: string | null;
  requested_meeting_id: string | null;
  late: boolean;
  minutes_needed: number;
  status: ProposalStatus;
  decision_note: string | null;
  submission_key: string | null;
  created_at: Date;
  updated_at: Date;
  goal_ids: readonly string[];
}

const COLUMN_NAMES = [
  'tenant_id',
  'id',
  'group_id',
  'title',
  'description',
  'kind',
  'organisation_id',
  'proposer_person_id',
  'meeting_id',
  'requested_meeting_id',
  'late',
  'minutes_needed',
  'status',
  'decision_note',
  'submission_key',
  'created_at',
  'updated_at',
] as const;

const COLUMNS = COLUMN_NAMES.join(', ');
const PLACEHOLDERS = COLUMN_NAMES.map((_, index) => `$${index + 1}`).join(', ');

/** The proposal's columns plus its goal tags as one text[] (empty, not null, when it has none). */
const SELECT = `SELECT ${COLUMN_NAMES.map((column) => `p.${column}`).join(', ')},
  coalesce((SELECT array_agg(tag.goal_id) FROM proposal_goal tag
            WHERE tag.tenant_id = p.tenant_id AND tag.proposal_id = p.id), '{}'::text[]) AS goal_ids
  FROM proposal p`;

function toProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    groupId: row.group_id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    organisationId: row.organisation_id,
    proposerPersonId: row.proposer_person_id,
    meetingId: row.meeting_id,
    requestedMeetingId: row.requested_meeting_id,
    late: row.late,
    minutesNeeded: row.minutes_needed,
    // Sorted here, not in SQL: the database's collation may differ between engines, and a
    // spread copy also keeps PGlite's array (another JS realm under jest) out of callers' hands.
    goalIds: [...row.goal_ids].sort(),
    status: row.status,
    decisionNote: row.decision_note,
    submissionKey: row.submission_key,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The upsert and the goal tags, in the caller's transaction. */
async function write(tx: SqlDatabase, proposal: Proposal): Promise<void> {
  await tx.query(
    `INSERT INTO proposal (${COLUMNS})
     VALUES (${PLACEHOLDERS})
     ON CONFLICT (tenant_id, id) DO UPDATE SET
       group_id = excluded.group_id, title = excluded.title, description = excluded.description,
       kind = excluded.kind, organisation_id = excluded.organisation_id,
       proposer_person_id = excluded.proposer_person_id, meeting_id = excluded.meeting_id,
       requested_meeting_id = excluded.requested_meeting_id, late = excluded.late,
       minutes_needed = excluded.minutes_needed, status = excluded.status,
       decision_note = excluded.decision_note, submission_key = excluded.submission_key,
       updated_at = excluded.updated_at`,
    [
      proposal.tenantId,
      proposal.id,
      proposal.groupId,
      proposal.title,
      proposal.description,
      proposal.kind,
      proposal.organisationId,
      proposal.proposerPersonId,
      proposal.meetingId,
      proposal.requestedMeetingId,
      proposal.late,
      proposal.minutesNeeded,
      proposal.status,
      proposal.decisionNote,
      proposal.submissionKey,
      proposal.createdAt,
      proposal.updatedAt,
    ],
  );
  // The tags replaced in one statement (one round trip): the ones no longer given go, the new come.
  await tx.query(
    `WITH gone AS (
       DELETE FROM proposal_goal WHERE tenant_id = $1 AND proposal_id = $2 AND NOT (goal_id = ANY($3::text[]))
     )
     INSERT INTO proposal_goal (tenant_id, proposal_id, goal_id)
     SELECT $1, $2, goal_id FROM unnest($3::text[]) AS goal_id
     ON CONFLICT DO NOTHING`,
    [proposal.tenantId, proposal.id, [...proposal.goalIds]],
  );
}

export class SqlProposalRepository implements ProposalRepository {
  constructor(private readonly db: SqlDatabase) {}

  /**
   * Upserts the proposal and replaces its goal tags in one transaction. `created_at` keeps the
   * first stored value: the moment a proposal came in does not change when it is edited. A second
   * proposal with a submission key already stored fails with SqlError code 23505.
   */
  async save(proposal: Proposal): Promise<void> {
    await this.db.transaction((tx) => write(tx, proposal));
  }

  /** Locks the row, compares, writes: a change made in between by someone else is never overwritten. */
  async saveIfUnchanged(proposal: Proposal, expectedUpdatedAt: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query<{ updated_at: Date }>(
        'SELECT updated_at FROM proposal WHERE tenant_id = $1 AND id = $2 FOR UPDATE',
        [proposal.tenantId, proposal.id],
      );
      if (!current || new Date(current.updated_at).getTime() !== expectedUpdatedAt.getTime()) return false;
      await write(tx, proposal);
      return true;
    });
  }

  async find(tenantId: string, proposalId: string): Promise<Proposal | null> {
    const rows = await this.db.query<ProposalRow>(`${SELECT} WHERE p.tenant_id = $1 AND p.id = $2`, [tenantId, proposalId]);
    return rows[0] ? toProposal(rows[0]) : null;
  }

  async findBySubmissionKey(tenantId: string, submissionKey: string): Promise<Proposal | null> {
    const rows = await this.db.query<ProposalRow>(`${SELECT} WHERE p.tenant_id = $1 AND p.submission_key = $2`, [tenantId, submissionKey]);
    return rows[0] ? toProposal(rows[0]) : null;
  }

  async listByProposer(tenantId: string, personId: string): Promise<Proposal[]> {
    const rows = await this.db.query<ProposalRow>(
      `${SELECT} WHERE p.tenant_id = $1 AND p.proposer_person_id = $2 ORDER BY p.created_at DESC, p.id COLLATE "C" DESC`,
      [tenantId, personId],
    );
    return rows.map(toProposal);
  }

  /**
   * Null filters mean "no filter", so one statement serves every combination. An empty list of
   * statuses matches nothing (it asks for none of them).
   */
  async listByGroup(
    tenantId: string,
    groupId: string,
    filter: { meetingId?: string; statuses?: readonly ProposalStatus[] } = {},
  ): Promise<Proposal[]> {
    const rows = await this.db.query<ProposalRow>(
      `${SELECT}
       WHERE p.tenant_id = $1 AND p.group_id = $2
         AND ($3::text IS NULL OR p.meeting_id = $3::text)
         AND ($4::text[] IS NULL OR p.status = ANY($4::text[]))
       ORDER BY p.created_at, p.id COLLATE "C"`,
      [tenantId, groupId, filter.meetingId ?? null, filter.statuses ? [...filter.statuses] : null],
    );
    return rows.map(toProposal);
  }

  async listBacklog(tenantId: string, groupId: string, meetingId: string): Promise<Proposal[]> {
    const rows = await this.db.query<ProposalRow>(
      `${SELECT}
       WHERE p.tenant_id = $1 AND p.group_id = $2
         AND ((p.meeting_id = $3 AND p.status IN ('submitted', 'deferred')) OR (p.meeting_id IS NULL AND p.status = 'submitted'))
       ORDER BY p.created_at, p.id COLLATE "C"`,
      [tenantId, groupId, meetingId],
    );
    return rows.map(toProposal);
  }
}
