import type { PersonRepository } from '../../app/ports/repositories';
import { normaliseEmail, type Person } from '../../domain/person';
import type { SqlDatabase } from './sql-database';

export interface PersonRow {
  tenant_id: string;
  id: string;
  aad_object_id: string | null;
  name: string;
  email: string;
  organisation_id: string | null;
}

const COLUMNS = 'p.tenant_id, p.id, p.aad_object_id, p.name, p.email, p.organisation_id';

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    aadObjectId: row.aad_object_id,
    name: row.name,
    email: row.email,
    organisationId: row.organisation_id,
  };
}

export class SqlPersonRepository implements PersonRepository {
  constructor(private readonly db: SqlDatabase) {}

  /** The address is stored as given; uniqueness and lookup use its normalised form. */
  async save(person: Person): Promise<void> {
    await this.db.query(
      `INSERT INTO person (tenant_id, id, aad_object_id, name, email, organisation_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, id) DO UPDATE SET
         aad_object_id = excluded.aad_object_id, name = excluded.name,
         email = excluded.email, organisation_id = excluded.organisation_id`,
      [person.tenantId, person.id, person.aadObjectId, person.name, person.email, person.organisationId],
    );
  }

  find(tenantId: string, personId: string): Promise<Person | null> {
    return this.findOne('p.id = $2', tenantId, personId);
  }

  findByAadObjectId(tenantId: string, aadObjectId: string): Promise<Person | null> {
    return this.findOne('p.aad_object_id = $2', tenantId, aadObjectId);
  }

  /** Matches the expression of the unique index person_email_key, so the index is used. */
  findByEmail(tenantId: string, email: string): Promise<Person | null> {
    return this.findOne('lower(btrim(p.email)) = $2', tenantId, normaliseEmail(email));
  }

  /** The group's members (any role), by name. */
  async listByGroup(tenantId: string, groupId: string): Promise<Person[]> {
    const rows = await this.db.query<PersonRow>(
      `SELECT ${COLUMNS} FROM person p
       JOIN membership m ON m.tenant_id = p.tenant_id AND m.person_id = p.id
       WHERE p.tenant_id = $1 AND m.group_id = $2
       ORDER BY p.name, p.id`,
      [tenantId, groupId],
    );
    return rows.map(toPerson);
  }

  /** `condition` is one of the fixed strings above, never built from input. */
  private async findOne(condition: string, tenantId: string, value: string): Promise<Person | null> {
    const rows = await this.db.query<PersonRow>(`SELECT ${COLUMNS} FROM person p WHERE p.tenant_id = $1 AND ${condition}`, [
      tenantId,
      value,
    ]);
    return rows[0] ? toPerson(rows[0]) : null;
  }
}
