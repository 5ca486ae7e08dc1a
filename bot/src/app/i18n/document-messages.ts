/**
 * The words of the Word documents (published minutes, the kallelse) and of the mail that sends the
 * minutes, in Swedish and English. The minutes are an allmän handling, so the Swedish follows the
 * municipal wording: minnesanteckningar, förhinder, ersättare, Åtgärd – Ansvarig – Klart senast – Status.
 */
import type { ActionStatus } from '../../domain/minutes';
import { actionMessages } from './action-messages';
import type { Locale } from './locale';

export interface DocumentMessages {
  minutesTitle: string;
  kallelseTitle: string;
  agenda: string;
  meeting: string;
  date: string;
  time: string;
  place: string;
  online: string;
  chair: string;
  cancelled: string;
  correction: string;
  replaces: (version: number) => string;
  attendance: string;
  present: string;
  absent: string;
  substitutes: string;
  notNoted: string;
  substituteFor: (name: string, forName: string | null) => string;
  noOrganisation: string;
  items: string;
  offAgenda: (title: string) => string;
  decision: string;
  actions: string;
  actionList: string;
  otherActions: string;
  noActions: string;
  actionColumns: { action: string; owner: string; due: string; status: string };
  statuses: Record<ActionStatus, string>;
  dueOn: (date: string) => string;
  noOwner: string;
  nextMeeting: string;
  noNextMeeting: string;
  published: (when: string, by: string | null, version: number) => string;
  version: (version: number) => string;
  agendaColumns: { time: string; item: string; presenter: string; minutes: string };
  noAgendaItems: string;
  mailSubject: (meetingTitle: string, isoDate: string) => string;
  correctionSubject: (subject: string) => string;
  mailIntro: (groupName: string) => string;
  openDocument: string;
  attached: (documentName: string) => string;
  decisions: string;
  noDecisions: string;
}

const sv: DocumentMessages = {
  minutesTitle: 'Minnesanteckningar',
  kallelseTitle: 'Kallelse',
  agenda: 'Dagordning',
  meeting: 'Möte',
  date: 'Datum',
  time: 'Tid',
  place: 'Plats',
  online: 'Länk för att delta digitalt',
  chair: 'Ordförande',
  cancelled: 'Mötet är inställt.',
  correction: 'Rättelse',
  replaces: (version) => `Denna version ersätter version ${version}.`,
  attendance: 'Närvaro',
  present: 'Närvarande',
  absent: 'Förhinder',
  substitutes: 'Ersättare',
  notNoted: 'Ej noterad',
  substituteFor: (name, forName) => (forName ? `${name} (ersättare för ${forName})` : `${name} (ersättare)`),
  noOrganisation: 'Utan organisation',
  items: 'Punkter',
  offAgenda: (title) => `${title} (inte längre på dagordningen)`,
  decision: 'Beslut',
  actions: 'Åtgärder',
  actionList: 'Åtgärdslista',
  otherActions: 'Övriga åtgärder',
  noActions: 'Inga åtgärder.',
  actionColumns: { action: 'Åtgärd', owner: 'Ansvarig', due: 'Klart senast', status: 'Status' },
  // The same words as the tab and the bot's "mina åtgärder", so an action reads alike everywhere.
  statuses: actionMessages('sv').statuses,
  dueOn: (date) => `klart senast ${date}`,
  noOwner: 'Ingen ansvarig',
  nextMeeting: 'Nästa möte',
  noNextMeeting: 'Nästa möte är inte planerat ännu.',
  published: (when, by, version) => `Publicerad ${when}${by ? ` av ${by}` : ''}, version ${version}`,
  version: (version) => `Version ${version}`,
  agendaColumns: { time: 'Tid', item: 'Punkt', presenter: 'Föredragande', minutes: 'Minuter' },
  noAgendaItems: 'Dagordningen är inte klar ännu.',
  mailSubject: (title, date) => `Minnesanteckningar: ${title} ${date}`,
  correctionSubject: (subject) => `Rättelse: ${subject}`,
  mailIntro: (group) => `Minnesanteckningarna från mötet i ${group} är publicerade.`,
  openDocument: 'Öppna minnesanteckningarna i gruppens gemensamma arbetsrum',
  attached: (name) => `Minnesanteckningarna finns också som bifogat Word-dokument: ${name}`,
  decisions: 'Beslut',
  noDecisions: 'Inga beslut antecknades.',
};

const en: DocumentMessages = {
  minutesTitle: 'Minutes',
  kallelseTitle: 'Notice of meeting',
  agenda: 'Agenda',
  meeting: 'Meeting',
  date: 'Date',
  time: 'Time',
  place: 'Place',
  online: 'Link to join online',
  chair: 'Chair',
  cancelled: 'The meeting is cancelled.',
  correction: 'Correction',
  replaces: (version) => `This version replaces version ${version}.`,
  attendance: 'Attendance',
  present: 'Present',
  absent: 'Apologies',
  substitutes: 'Substitutes',
  notNoted: 'Not noted',
  substituteFor: (name, forName) => (forName ? `${name} (substitute for ${forName})` : `${name} (substitute)`),
  noOrganisation: 'No organisation',
  items: 'Items',
  offAgenda: (title) => `${title} (no longer on the agenda)`,
  decision: 'Decision',
  actions: 'Action items',
  actionList: 'Action list',
  otherActions: 'Other action items',
  noActions: 'No action items.',
  actionColumns: { action: 'Action', owner: 'Responsible', due: 'Due', status: 'Status' },
  statuses: actionMessages('en').statuses,
  dueOn: (date) => `due ${date}`,
  noOwner: 'No one responsible',
  nextMeeting: 'Next meeting',
  noNextMeeting: 'The next meeting is not planned yet.',
  published: (when, by, version) => `Published ${when}${by ? ` by ${by}` : ''}, version ${version}`,
  version: (version) => `Version ${version}`,
  agendaColumns: { time: 'Time', item: 'Item', presenter: 'Presenter', minutes: 'Minutes' },
  noAgendaItems: 'The agenda is not ready yet.',
  mailSubject: (title, date) => `Minutes: ${title} ${date}`,
  correctionSubject: (subject) => `Correction: ${subject}`,
  mailIntro: (group) => `The minutes of the meeting in ${group} are published.`,
  openDocument: "Open the minutes in the group's shared workspace",
  attached: (name) => `The minutes are also attached as a Word document: ${name}`,
  decisions: 'Decisions',
  noDecisions: 'No decisions were noted.',
};

export function documentMessages(locale: Locale): DocumentMessages {
  return locale === 'en' ? en : sv;
}
