/** A person as the action dialog names them: their name, *okänd person* without one, *ingen ansvarig* for none. */
import type { PersonRef } from './actions-api';
import type { ActionsStrings } from './actions-strings';

export function personName(s: ActionsStrings, person: PersonRef | null): string {
  return person ? (person.name ?? s.unknownPerson) : s.noOwner;
}
