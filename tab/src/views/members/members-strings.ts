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
};

export function useMembersStrings(): MembersStrings {
  return useI18n().language === 'en' ? en : sv;
}
