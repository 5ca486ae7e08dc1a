/** Every string of the Medlemmar view, Swedish first. */
import type { Role } from '../../api-types';
import { useI18n } from '../../i18n';
import type { OrganisationKind } from './members-api';

const sv = {
  title: 'Medlemmar',
  intro: 'Gruppens personer, organisationer och roller. Varje förvaltning ska ha minst en delegat.',
  loading: 'Hämtar medlemmarna…',
  summary: (people: number, organisations: number) =>
    `${people} ${people === 1 ? 'person' : 'personer'} från ${organisations} ${organisations === 1 ? 'organisation' : 'organisationer'}`,
  warningsLabel: 'Varningar',
  noDelegateTitle: (organisation: string) => `${organisation} saknar delegat`,
  noDelegateBody: 'Be förvaltningen utse en delegat, så att den får kallelser och kan föreslå punkter.',
  unrepresentedTitle: (organisation: string) => `${organisation} var inte representerad vid de två senaste mötena`,
  unrepresentedBody: (dates: string) =>
    `Ingen från förvaltningen var med på mötena ${dates}. Hör med delegaten om en ersättare kan komma nästa gång.`,
  and: 'och',
  columns: { name: 'Namn', role: 'Roll', email: 'E-post' },
  kinds: { forvaltning: 'Förvaltning', bolag: 'Bolag', other: 'Annan organisation' } satisfies Record<OrganisationKind, string>,
  members: (n: number) => (n === 1 ? '1 person' : `${n} personer`),
  noMembers: 'Ingen medlem från den här organisationen.',
  noOrganisation: 'Utan organisation',
  missingDelegate: 'Saknar delegat',
  roles: { strategist: 'Hållbarhetsstrateg', delegate: 'Delegat', substitute: 'Ersättare', guest: 'Gäst' } satisfies Record<Role, string>,
  empty: 'Gruppen har inga medlemmar ännu.',
  actionColumn: 'Personuppgifter',
  erase: 'Radera…',
  eraseLabel: (name: string) => `Radera personuppgifter för ${name}`,
  eraseTitle: (name: string) => `Radera ${name}s personuppgifter?`,
  eraseBody:
    'Personen tas bort ur gruppen. Namn, e-post och Teams-kontakt ersätts med ”Raderad person”, svar och kommentarer som inte publicerats tas bort, och öppna åtgärder blir utan ägare. Det går inte att ångra.',
  eraseKept:
    'Publicerade minnesanteckningar är allmänna handlingar och behåller namnet som det publicerades. Förslag personen lämnat finns kvar utan namn.',
  confirmErase: 'Radera',
  keep: 'Avbryt',
  erased: (name: string) => `${name}s personuppgifter är raderade.`,
  eraseConflict:
    'Personen kan inte raderas här: en hållbarhetsstrateg lämnar först över rollen, och den som är med i fler grupper raderas av varje grupps strateg.',
  eraseFailed: 'Det gick inte att radera.',
};

export type MembersStrings = typeof sv;

const en: MembersStrings = {
  title: 'Members',
  intro: "The group's people, organisations and roles. Every administration (förvaltning) should have at least one delegate.",
  loading: 'Loading the members…',
  summary: (people, organisations) =>
    `${people} ${people === 1 ? 'person' : 'people'} from ${organisations} ${organisations === 1 ? 'organisation' : 'organisations'}`,
  warningsLabel: 'Warnings',
  noDelegateTitle: (organisation) => `${organisation} has no delegate`,
  noDelegateBody: 'Ask the administration to name a delegate, so that it gets the notices and can propose items.',
  unrepresentedTitle: (organisation) => `${organisation} was not represented at the last two meetings`,
  unrepresentedBody: (dates) =>
    `Nobody from the administration came to the meetings on ${dates}. Ask the delegate whether a substitute can come next time.`,
  and: 'and',
  columns: { name: 'Name', role: 'Role', email: 'Email' },
  kinds: { forvaltning: 'Administration', bolag: 'Company', other: 'Other organisation' },
  members: (n) => (n === 1 ? '1 person' : `${n} people`),
  noMembers: 'No member from this organisation.',
  noOrganisation: 'No organisation',
  missingDelegate: 'No delegate',
  roles: { strategist: 'Sustainability strategist', delegate: 'Delegate', substitute: 'Substitute', guest: 'Guest' },
  empty: 'The group has no members yet.',
  actionColumn: 'Personal data',
  erase: 'Erase…',
  eraseLabel: (name) => `Erase the personal data of ${name}`,
  eraseTitle: (name) => `Erase ${name}'s personal data?`,
  eraseBody:
    'The person leaves the group. Name, e-mail and Teams contact are replaced with “Raderad person”, unpublished answers and comments are removed, and open actions lose their owner. This cannot be undone.',
  eraseKept: 'Published minutes are public records and keep the name as published. Proposals the person made stay, without the name.',
  confirmErase: 'Erase',
  keep: 'Cancel',
  erased: (name) => `${name}'s personal data has been erased.`,
  eraseConflict:
    "The person cannot be erased here: a sustainability strategist first hands over the role, and someone in more groups is erased by each group's strategist.",
  eraseFailed: 'The erasure failed.',
};

export function useMembersStrings(): MembersStrings {
  return useI18n().language === 'en' ? en : sv;
}
