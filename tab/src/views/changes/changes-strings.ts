/** Every string of the Ändringslogg view, Swedish first: each logged action as a plain sentence. */
import { useI18n } from '../../i18n';
import type { ChangeDetail, MeetingField } from './changes-api';

/** What a sentence can name: the meeting and proposal already worded, and the event's safe detail. */
export interface ChangeWords {
  /** "mötet 11 mars 2026", or "ett möte" when the meeting is not known. */
  meeting: string;
  /** "förslaget ”Cykelvägar”", or "ett förslag". */
  proposal: string;
  year: number | null;
  detail: ChangeDetail;
}

export type Phrase = (w: ChangeWords) => string;

/** Swedish plurals are one/other. */
const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;
const svList = (parts: string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;
const svNotReached = (d: ChangeDetail): string => (d.notReached ? `, ${d.notReached} nåddes inte` : '');

const SV_FIELDS: Record<MeetingField, string> = {
  title: 'namnet',
  startsAt: 'tiden',
  durationMinutes: 'längden',
  place: 'platsen',
  onlineUrl: 'länken till onlinemötet',
};

const svActions = {
  'agenda.saved': ({ meeting, detail }) =>
    `sparade dagordningen för ${meeting}${detail.items === undefined ? '' : ` (${plural(detail.items, 'punkt', 'punkter')})`}`,
  'meeting.changed': ({ meeting, detail }) =>
    detail.fields?.length ? `ändrade ${svList(detail.fields.map((f) => SV_FIELDS[f]))} för ${meeting}` : `ändrade ${meeting}`,
  'meeting.cancelled': ({ meeting }) => `ställde in ${meeting}`,
  'meeting.chair-changed': ({ meeting, detail }) =>
    detail.chair?.to ? `gjorde ${detail.chair.to} till ordförande för ${meeting}` : `ändrade ordförande för ${meeting}`,
  'meetings.planned': ({ year, detail }) =>
    `planerade ${detail.count === undefined ? 'möten' : plural(detail.count, 'möte', 'möten')}${year ? ` för ${year}` : ''}`,
  'minutes.edited': ({ meeting }) => `skrev i minnesanteckningarna från ${meeting}`,
  'minutes.approved': ({ meeting }) => `godkände minnesanteckningarna från ${meeting}`,
  'minutes.published': ({ meeting, detail }) =>
    `publicerade minnesanteckningarna från ${meeting}${detail.version && detail.version > 1 ? ` (version ${detail.version})` : ''}`,
  'minutes.correction-started': ({ meeting }) => `började rätta minnesanteckningarna från ${meeting}`,
  'minutes.announced': ({ meeting, detail }) => `skickade ut minnesanteckningarna från ${meeting}${svNotReached(detail)}`,
  'kallelse.sent': ({ meeting, detail }) => `skickade kallelsen till ${meeting}${svNotReached(detail)}`,
  'call-for-proposals.sent': ({ meeting, detail }) => `bjöd in till att föreslå punkter till ${meeting}${svNotReached(detail)}`,
  'meeting-reminder.sent': ({ meeting, detail }) => `påminde om ${meeting}${svNotReached(detail)}`,
  'proposal-reminder.sent': ({ meeting, detail }) => `påminde om sista dag för förslag till ${meeting}${svNotReached(detail)}`,
  'proposal.submitted': ({ meeting, proposal, detail }) => `lämnade ${proposal} till ${meeting}${detail.late ? ' efter sista dag' : ''}`,
  'proposal.changed': ({ proposal }) => `ändrade ${proposal}`,
  'proposal.accepted': ({ meeting, proposal }) => `tog med ${proposal} på dagordningen för ${meeting}`,
  'proposal.deferred': ({ meeting, proposal }) => `sköt upp ${proposal} till ${meeting}`,
  'proposal.declined': ({ proposal }) => `avböjde ${proposal}`,
  'proposal.withdrawn': ({ proposal }) => `drog tillbaka ${proposal}`,
  'group.seeded': ({ detail }) =>
    detail.people === undefined || detail.organisations === undefined
      ? 'lade upp gruppen'
      : `lade upp gruppen med ${plural(detail.people, 'person', 'personer')} och ${plural(detail.organisations, 'organisation', 'organisationer')}`,
  'group.people-synced': ({ detail }) =>
    `uppdaterade gruppens medlemmar från gruppfilen${detail.added ? `: ${plural(detail.added, 'ny medlem', 'nya medlemmar')}` : ''}${detail.roleChanged ? `${detail.added ? ',' : ':'} ${plural(detail.roleChanged, 'ändrad roll', 'ändrade roller')}` : ''}`,
  'person.erased': () => 'raderade en medlems personuppgifter',
  'tip.added': () => 'tipsade gruppen (omvärldsbevakning)',
  'tip.proposed': () => 'gjorde ett tips till förslag',
  'tip.dismissed': () => 'avfärdade ett tips',
  'action.changed': ({ meeting }) => `ändrade en åtgärd från ${meeting}`,
  'representation.nudged': ({ detail }) =>
    `påminde delegaterna i ${detail.organisations === undefined ? 'förvaltningar' : plural(detail.organisations, 'förvaltning', 'förvaltningar')} som saknats vid två möten i rad${svNotReached(detail)}`,
  'sub-group.started': ({ detail }) =>
    `startade en delgrupp${detail.people === undefined ? '' : ` med ${plural(detail.people, 'medlem', 'medlemmar')}`}`,
  'sub-group.changed': () => 'ändrade en delgrupp',
  'goal.added': () => 'lade till ett lokalt mål',
  'goal.changed': () => 'ändrade ett lokalt mål',
  'goals.agenda-item-tagged': ({ meeting }) => `kopplade en punkt på ${meeting} till mål`,
  'goals.action-tagged': ({ meeting }) => `kopplade en åtgärd från ${meeting} till mål`,
  'competence.suggested': () => 'föreslog en kompetensutvecklingsaktivitet',
  'competence.suggestion-planned': () => 'planerade in en föreslagen kompetensutvecklingsaktivitet',
  'competence.activity-created': () => 'lade till en kompetensutvecklingsaktivitet',
  'competence.activity-changed': () => 'ändrade en kompetensutvecklingsaktivitet',
  'report.created': () => 'skapade en rapport',
} satisfies Record<string, Phrase>;

const sv = {
  title: 'Ändringslogg',
  intro:
    'Vem som har ändrat gruppens möten, dagordningar, förslag och minnesanteckningar, och vad Arbetsrum har skickat ut. Det senaste står först. Bara hållbarhetsstrateger ser loggen.',
  loading: 'Hämtar ändringsloggen…',
  listLabel: 'Ändringar, senaste först',
  empty: 'Ingenting har ändrats ännu.',
  showOlder: 'Visa äldre',
  loadingOlder: 'Hämtar äldre ändringar…',
  olderShown: (n: number) => `${plural(n, 'äldre ändring', 'äldre ändringar')} visas nu.`,
  allShown: 'Det finns inga äldre ändringar.',
  system: 'Arbetsrum',
  unknownPerson: 'En okänd användare',
  meeting: (date: string) => `mötet ${date}`,
  someMeeting: 'ett möte',
  proposal: (title: string) => `förslaget ”${title}”`,
  someProposal: 'ett förslag',
  actions: svActions as Record<keyof typeof svActions, Phrase>,
  other: 'gjorde en ändring',
};

export type ChangesStrings = typeof sv;

const enList = (parts: string[]): string =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
const enNotReached = (d: ChangeDetail): string => (d.notReached ? `; ${d.notReached} not reached` : '');
const enPlural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

const EN_FIELDS: Record<MeetingField, string> = {
  title: 'the name',
  startsAt: 'the time',
  durationMinutes: 'the length',
  place: 'the place',
  onlineUrl: 'the online meeting link',
};

const en: ChangesStrings = {
  title: 'Change log',
  intro:
    "Who changed the group's meetings, agendas, proposals and minutes, and what Arbetsrum sent out. Newest first. Only sustainability strategists see the log.",
  loading: 'Loading the change log…',
  listLabel: 'Changes, newest first',
  empty: 'Nothing has changed yet.',
  showOlder: 'Show older',
  loadingOlder: 'Loading older changes…',
  olderShown: (n) => `${enPlural(n, 'older change', 'older changes')} now shown.`,
  allShown: 'There are no older changes.',
  system: 'Arbetsrum',
  unknownPerson: 'An unknown user',
  meeting: (date) => `the meeting on ${date}`,
  someMeeting: 'a meeting',
  proposal: (title) => `the proposal “${title}”`,
  someProposal: 'a proposal',
  actions: {
    'agenda.saved': ({ meeting, detail }) =>
      `saved the agenda for ${meeting}${detail.items === undefined ? '' : ` (${enPlural(detail.items, 'item', 'items')})`}`,
    'meeting.changed': ({ meeting, detail }) =>
      detail.fields?.length ? `changed ${enList(detail.fields.map((f) => EN_FIELDS[f]))} of ${meeting}` : `changed ${meeting}`,
    'meeting.cancelled': ({ meeting }) => `cancelled ${meeting}`,
    'meeting.chair-changed': ({ meeting, detail }) =>
      detail.chair?.to ? `made ${detail.chair.to} chair of ${meeting}` : `changed the chair of ${meeting}`,
    'meetings.planned': ({ year, detail }) =>
      `planned ${detail.count === undefined ? 'meetings' : enPlural(detail.count, 'meeting', 'meetings')}${year ? ` for ${year}` : ''}`,
    'minutes.edited': ({ meeting }) => `edited the minutes of ${meeting}`,
    'minutes.approved': ({ meeting }) => `approved the minutes of ${meeting}`,
    'minutes.published': ({ meeting, detail }) =>
      `published the minutes of ${meeting}${detail.version && detail.version > 1 ? ` (version ${detail.version})` : ''}`,
    'minutes.correction-started': ({ meeting }) => `started a correction of the minutes of ${meeting}`,
    'minutes.announced': ({ meeting, detail }) => `sent out the minutes of ${meeting}${enNotReached(detail)}`,
    'kallelse.sent': ({ meeting, detail }) => `sent the invitation to ${meeting}${enNotReached(detail)}`,
    'call-for-proposals.sent': ({ meeting, detail }) => `sent the call for proposals for ${meeting}${enNotReached(detail)}`,
    'meeting-reminder.sent': ({ meeting, detail }) => `sent a reminder of ${meeting}${enNotReached(detail)}`,
    'proposal-reminder.sent': ({ meeting, detail }) => `sent a reminder of the last day for proposals to ${meeting}${enNotReached(detail)}`,
    'proposal.submitted': ({ meeting, proposal, detail }) =>
      `submitted ${proposal} for ${meeting}${detail.late ? ' after the last day' : ''}`,
    'proposal.changed': ({ proposal }) => `changed ${proposal}`,
    'proposal.accepted': ({ meeting, proposal }) => `put ${proposal} on the agenda for ${meeting}`,
    'proposal.deferred': ({ meeting, proposal }) => `deferred ${proposal} to ${meeting}`,
    'proposal.declined': ({ proposal }) => `declined ${proposal}`,
    'proposal.withdrawn': ({ proposal }) => `withdrew ${proposal}`,
    'group.seeded': ({ detail }) =>
      detail.people === undefined || detail.organisations === undefined
        ? 'set up the group'
        : `set up the group with ${enPlural(detail.people, 'person', 'people')} and ${enPlural(detail.organisations, 'organisation', 'organisations')}`,
    'group.people-synced': ({ detail }) =>
      `updated the group's members from the group file${detail.added ? `: ${enPlural(detail.added, 'new member', 'new members')}` : ''}${detail.roleChanged ? `${detail.added ? ',' : ':'} ${enPlural(detail.roleChanged, 'role changed', 'roles changed')}` : ''}`,
    'person.erased': () => "erased a member's personal data",
    'tip.added': () => 'tipped off the group (horizon scanning)',
    'tip.proposed': () => 'made a tip a proposal',
    'tip.dismissed': () => 'dismissed a tip',
    'action.changed': ({ meeting }) => `changed an action from ${meeting}`,
    'representation.nudged': ({ detail }) =>
      `reminded the delegates of ${detail.organisations === undefined ? 'administrations' : enPlural(detail.organisations, 'administration', 'administrations')} missing from two meetings in a row${enNotReached(detail)}`,
    'sub-group.started': ({ detail }) =>
      `started a sub-group${detail.people === undefined ? '' : ` with ${enPlural(detail.people, 'member', 'members')}`}`,
    'sub-group.changed': () => 'changed a sub-group',
    'goal.added': () => 'added a local goal',
    'goal.changed': () => 'changed a local goal',
    'goals.agenda-item-tagged': ({ meeting }) => `linked an item of ${meeting} to goals`,
    'goals.action-tagged': ({ meeting }) => `linked an action from ${meeting} to goals`,
    'competence.suggested': () => 'suggested a competence development activity',
    'competence.suggestion-planned': () => 'planned a suggested competence development activity',
    'competence.activity-created': () => 'added a competence development activity',
    'competence.activity-changed': () => 'changed a competence development activity',
    'report.created': () => 'made a report',
  },
  other: 'made a change',
};

export function useChangesStrings(): ChangesStrings {
  return useI18n().language === 'en' ? en : sv;
}
