/** A person as Entra ID knows them: only name, work mail and organisation (GDPR: nothing more). */
export interface Person {
  id: string;
  tenantId: string;
  /** Entra object id; null until the person is first seen in Teams or synced from the roster. */
  aadObjectId: string | null;
  name: string;
  email: string;
  organisationId: string | null;
}

/** Mail addresses compare case-insensitively and without surrounding space. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
