import type { MemberRecord, MembershipRepository } from '../../app/ports/repositories';
import type { Membership, Role } from '../../domain/membership';
import type { SqlDatabase } from './sql-database';
import { toGroup, type GroupRow } from './sql-group-repository';
import { toPerson, type PersonRow } from './sql-person-repository';

interface MembershipRow {
  tenant_id: string;
  group_id: string;
  person_id: string;
  role: Role;
}

function toMembership(row: MembershipRow): Membership {
  return { tenantId: row.tenant_id, groupId: row.group_id, personId: row.person_id, role: row.role };
}

export class SqlMembershipRepository implements MembershipRepository {
  constructor(private readonly db: SqlDatabase) {}

  /** One role per person and group: saving again changes the role. */
  async save(membership: Membership): Promise<void> {
    await this.db.query(
      `INSERT INTO membership (tenant_id, group_id, person_id, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, group_id, person_id) DO UPDATE SET role = excluded.role`,
      [membership.tenantId, membership.groupId, membership.personId, membership.role],
    );
  }

  /** By the members' names, so lists read the same everywhere. */
  async listByGroup(tenantId: string, groupId: string): Promise<Membership[]> {
    const rows = await this.db.query<MembershipRow>(
      `SELECT m.tenant_id, m.group_id, m.person_id, m.role FROM membership m
       JOIN person p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
       WHERE m.tenant_id = $1 AND m.group_id = $2
       ORDER BY p.name, m.person_id`,
      [tenantId, groupId],
    );
    return rows.map(toMembership);
  }

  /** By group name. */
  async listByPerson(tenantId: string, personId: string): Promise<Membership[]> {
    const rows = await this.db.query<MembershipRow>(
      `SELECT m.tenant_id, m.group_id, m.person_id, m.role FROM membership m
       JOIN work_group g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
       WHERE m.tenant_id = $1 AND m.person_id = $2
       ORDER BY g.name, m.group_id`,
      [tenantId, personId],
    );
    return rows.map(toMembership);
  }

  async findMember(tenantId: string, personId: string, groupId: string | null): Promise<MemberRecord | null> {
    const [row] = await this.db.query<PersonRow & { role: Role; group: GroupRow }>(
      `SELECT p.tenant_id, p.id, p.aad_object_id, p.name, p.email, p.organisation_id, m.role,
              json_build_object('tenant_id', g.tenant_id, 'id', g.id, 'name', g.name, 'description', g.description,
                                'team_id', g.team_id, 'settings', g.settings, 'm365_group_id', g.m365_group_id) AS "group"
       FROM person p
       JOIN membership m ON m.tenant_id = p.tenant_id AND m.person_id = p.id
       JOIN work_group g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
       WHERE p.tenant_id = $1 AND p.id = $2 AND ($3::text IS NULL OR m.group_id = $3::text)
       ORDER BY g.name, m.group_id
       LIMIT 1`,
      [tenantId, personId, groupId],
    );
    if (!row) return null;
    return {
      person: toPerson(row),
      group: toGroup(row.group),
      membership: { tenantId: row.tenant_id, groupId: row.group.id, personId: row.id, role: row.role },
    };
  }
}
