/**
 * Which person of the group a Teams user is: the Entra object id decides; failing that, the work
 * mail, so that someone seeded from a list is recognised the first time they chat. On a match by
 * mail the object id is remembered, so later matches never depend on the mail again.
 */
import type { Person } from '../domain/person';
import { normaliseEmail } from '../domain/person';
import type { PersonRepository } from './ports/repositories';

export interface TeamsUserIdentity {
  tenantId: string;
  aadObjectId?: string | null;
  email?: string | null;
}

export async function identifyPerson(people: PersonRepository, who: TeamsUserIdentity): Promise<Person | null> {
  if (who.aadObjectId) {
    const byObjectId = await people.findByAadObjectId(who.tenantId, who.aadObjectId);
    if (byObjectId) return byObjectId;
  }
  if (!who.email) return null;
  const byMail = await people.findByEmail(who.tenantId, normaliseEmail(who.email));
  if (!byMail) return null;
  if (!who.aadObjectId) return byMail;
  if (byMail.aadObjectId === null) {
    const linked = { ...byMail, aadObjectId: who.aadObjectId };
    await people.save(linked);
    return linked;
  }
  // A different object id on the same mail is someone else (a reused address): no match.
  return byMail.aadObjectId === who.aadObjectId ? byMail : null;
}
