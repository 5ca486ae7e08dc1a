/**
 * One person's records, table by table: what the export shows and what erasure removes. Every
 * table that names a person is listed here, so a new one added without a thought for privacy
 * stands out (tests/contract/storage/personal-data.test.ts checks the list against the schema).
 */
import type { ErasureCounts, PersonalDataRow, PersonalDataSections, PersonalDataStore } from '../../app/ports/personal-data';
import type { SqlDatabase } from './sql-database';

/** Each section: a query of the person's own rows, with $1 = tenant and $2 = person. */
const SECTIONS: Record<string, string> = {
  person: `SELECT p.id, p.name, p.email, p.aad_object_id AS "entraObjectId", o.name AS organisation
    FROM person p LEFT JOIN organisation o ON o.tenant_id = p.tenant_id AND o.id = p.organisation_id
    WHERE p.tenant_id = $1 AND p.id = $2`,
  memberships: `SELECT g.name AS "group", m.role FROM membership m
    JOIN work_group g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
    WHERE m.tenant_id = $1 AND m.person_id = $2 ORDER BY g.name`,
  proposals: `SELECT p.id, g.name AS "group", p.title, p.description, p.kind, p.status, p.minutes_needed AS "minutesNeeded",
      p.created_at AS "createdAt"
    FROM proposal p JOIN work_group g ON g.tenant_id = p.tenant_id AND g.id = p.group_id
    WHERE p.tenant_id = $1 AND p.proposer_person_id = $2 ORDER BY p.created_at`,
  attendance: `SELECT mt.title AS meeting, mt.starts_at AS "meetingStartsAt", a.rsvp, a.substitute_name AS "substituteName",
      a.present, a.updated_at AS "updatedAt"
    FROM attendance a JOIN meeting mt ON mt.tenant_id = a.tenant_id AND mt.id = a.meeting_id
    WHERE a.tenant_id = $1 AND a.person_id = $2 ORDER BY mt.starts_at`,
  callResponses: `SELECT mt.title AS meeting, mt.starts_at AS "meetingStartsAt", c.answer, c.at
    FROM call_response c JOIN meeting mt ON mt.tenant_id = c.tenant_id AND mt.id = c.meeting_id
    WHERE c.tenant_id = $1 AND c.person_id = $2 ORDER BY c.at`,
  actions: `SELECT ai.title, ai.due_date AS "dueDate", ai.status, mt.title AS meeting, mt.starts_at AS "meetingStartsAt"
    FROM action_item ai JOIN meeting mt ON mt.tenant_id = ai.tenant_id AND mt.id = ai.meeting_id
    WHERE ai.tenant_id = $1 AND ai.owner_person_id = $2 ORDER BY mt.starts_at, ai.title`,
  actionStatusAnswers: `SELECT ai.title AS action, r.status, r.comment, r.answered_at AS "answeredAt"
    FROM action_status_report r JOIN action_item ai ON ai.tenant_id = r.tenant_id AND ai.id = r.action_id
    WHERE r.tenant_id = $1 AND r.person_id = $2 ORDER BY r.answered_at`,
  minutesComments: `SELECT mt.title AS meeting, c.version, c.body, c.created_at AS "createdAt"
    FROM minutes_comment c JOIN meeting mt ON mt.tenant_id = c.tenant_id AND mt.id = c.meeting_id
    WHERE c.tenant_id = $1 AND c.person_id = $2 ORDER BY c.created_at`,
  minutesApprovals: `SELECT mt.title AS meeting, a.version, a.approved_at AS "approvedAt"
    FROM minutes_approval a JOIN meeting mt ON mt.tenant_id = a.tenant_id AND mt.id = a.meeting_id
    WHERE a.tenant_id = $1 AND a.person_id = $2 ORDER BY a.approved_at`,
  reReports: `SELECT mt.title AS meeting, r.reported_at AS "reportedAt"
    FROM re_report r JOIN meeting mt ON mt.tenant_id = r.tenant_id AND mt.id = r.meeting_id
    WHERE r.tenant_id = $1 AND r.person_id = $2 ORDER BY r.reported_at`,
  messages: `SELECT d.kind, d.state, d.sent_at AS "sentAt", d.created_at AS "createdAt"
    FROM delivery d WHERE d.tenant_id = $1 AND d.target = 'person:' || $2 ORDER BY d.created_at`,
  teamsConversations: `SELECT c.kind, c.updated_at AS "updatedAt" FROM conversation_reference c
    WHERE c.tenant_id = $1 AND c.person_id = $2 ORDER BY c.updated_at`,
  subGroups: `SELECT s.name, s.mandate, to_char(s.deadline, 'YYYY-MM-DD') AS deadline, s.status,
      (s.convenor_person_id IS NOT DISTINCT FROM $2) AS convenor
    FROM sub_group s WHERE s.tenant_id = $1 AND (s.convenor_person_id = $2
      OR EXISTS (SELECT 1 FROM sub_group_member m WHERE m.tenant_id = s.tenant_id AND m.sub_group_id = s.id AND m.person_id = $2))
    ORDER BY s.deadline, s.name`,
  tips: `SELECT g.name AS "group", t.url, t.comment, t.quote, t.source, t.status, t.created_at AS "createdAt"
    FROM tip t JOIN work_group g ON g.tenant_id = t.tenant_id AND g.id = t.group_id
    WHERE t.tenant_id = $1 AND t.sender_person_id = $2 ORDER BY t.created_at, t.id`,
  competenceSuggestions: `SELECT g.name AS "group", s.kind, s.title, s.description, s.link, s.status, s.created_at AS "createdAt"
    FROM competence_suggestion s JOIN work_group g ON g.tenant_id = s.tenant_id AND g.id = s.group_id
    WHERE s.tenant_id = $1 AND s.suggested_by_person_id = $2 ORDER BY s.created_at, s.id`,
  competenceVotes: `SELECT s.title AS suggestion, v.voted_at AS "votedAt"
    FROM competence_vote v JOIN competence_suggestion s ON s.tenant_id = v.tenant_id AND s.id = v.suggestion_id
    WHERE v.tenant_id = $1 AND v.person_id = $2 ORDER BY v.voted_at, s.id`,
  changesMade: `SELECT e.action, e.subject, e.at FROM audit_event e
    WHERE e.tenant_id = $1 AND e.actor_person_id = $2 ORDER BY e.at, e.id`,
};

/**
 * What erasure does, in order ($1 tenant, $2 person). Minutes under review that are not published
 * lose the person's comments and approvals; published ones are public records and refuse changes
 * (database triggers), as do publication records.
 */
const ERASURE: [kind: string, sql: string][] = [
  ['teamsConversations', `DELETE FROM conversation_reference WHERE tenant_id = $1 AND person_id = $2`],
  ['callResponses', `DELETE FROM call_response WHERE tenant_id = $1 AND person_id = $2`],
  [
    'attendance',
    `DELETE FROM attendance a USING meeting mt
     WHERE a.tenant_id = $1 AND a.person_id = $2 AND mt.tenant_id = a.tenant_id AND mt.id = a.meeting_id
       AND mt.status <> 'minutes_published'`,
  ],
  ['actionStatusAnswers', `DELETE FROM action_status_report WHERE tenant_id = $1 AND person_id = $2`],
  [
    'minutesComments',
    `DELETE FROM minutes_comment c USING minutes m
     WHERE c.tenant_id = $1 AND c.person_id = $2 AND m.tenant_id = c.tenant_id AND m.meeting_id = c.meeting_id
       AND m.version = c.version AND m.status = 'draft'`,
  ],
  [
    'minutesApprovals',
    `DELETE FROM minutes_approval a USING minutes m
     WHERE a.tenant_id = $1 AND a.person_id = $2 AND m.tenant_id = a.tenant_id AND m.meeting_id = a.meeting_id
       AND m.version = a.version AND m.status = 'draft'`,
  ],
  // Open actions go back to the strategists to give to someone else; done ones keep their history.
  ['actionsUnassigned', `UPDATE action_item SET owner_person_id = NULL WHERE tenant_id = $1 AND owner_person_id = $2 AND status <> 'done'`],
  [
    'presentationsUnassigned',
    `UPDATE agenda_item ai SET presenter_person_id = NULL FROM meeting mt
     WHERE ai.tenant_id = $1 AND ai.presenter_person_id = $2 AND mt.tenant_id = ai.tenant_id AND mt.id = ai.meeting_id
       AND mt.status <> 'minutes_published'`,
  ],
  // A sub-group loses the member; one they convened waits for the strategists to name another.
  ['subGroupMemberships', `DELETE FROM sub_group_member WHERE tenant_id = $1 AND person_id = $2`],
  ['subGroupsUnconvened', `UPDATE sub_group SET convenor_person_id = NULL WHERE tenant_id = $1 AND convenor_person_id = $2`],
  // Tips no proposal was made of go; one that became a proposal stays with it (the sender nameless).
  ['tips', `DELETE FROM tip WHERE tenant_id = $1 AND sender_person_id = $2 AND status <> 'proposed'`],
  // Votes go; suggestions stay (the group's material, like proposals), the suggester nameless.
  ['competenceVotes', `DELETE FROM competence_vote WHERE tenant_id = $1 AND person_id = $2`],
  ['memberships', `DELETE FROM membership WHERE tenant_id = $1 AND person_id = $2`],
];

/** Dates as ISO strings and bigints as numbers: the export is plain JSON. */
function plain(row: Record<string, unknown>): PersonalDataRow {
  const out: PersonalDataRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) out[key] = value.toISOString();
    else if (typeof value === 'bigint') out[key] = Number(value);
    else if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else out[key] = JSON.stringify(value);
  }
  return out;
}

export class SqlPersonalDataStore implements PersonalDataStore {
  constructor(private readonly db: SqlDatabase) {}

  async collect(tenantId: string, personId: string): Promise<PersonalDataSections> {
    const sections: PersonalDataSections = {};
    for (const [name, sql] of Object.entries(SECTIONS)) {
      const rows = await this.db.query<Record<string, unknown>>(sql, [tenantId, personId]);
      sections[name] = rows.map(plain);
    }
    return sections;
  }

  async erase(tenantId: string, personId: string, placeholderName: string): Promise<ErasureCounts> {
    const counts: ErasureCounts = {};
    for (const [kind, sql] of ERASURE) {
      const rows = await this.db.query<{ n: number }>(`WITH done AS (${sql} RETURNING 1) SELECT count(*)::int AS n FROM done`, [
        tenantId,
        personId,
      ]);
      counts[kind] = rows[0]?.n ?? 0;
    }
    // The row stays (published records point at it); who it was does not. The address is unique
    // per person and can reach no one (.invalid, RFC 2606).
    const person = await this.db.query<{ n: number }>(
      `WITH done AS (
         UPDATE person SET name = $3, email = 'raderad-' || id || '@arbetsrum.invalid', aad_object_id = NULL
         WHERE tenant_id = $1 AND id = $2 RETURNING 1)
       SELECT count(*)::int AS n FROM done`,
      [tenantId, personId, placeholderName],
    );
    counts.person = person[0]?.n ?? 0;
    return counts;
  }
}
