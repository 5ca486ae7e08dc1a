/** The words of the proposal form and receipt, in Swedish and English. */
import type { GoalFramework } from '../../domain/goal';
import type { ProposalField, ProposalFieldError, ProposalKind, ProposalStatus } from '../../domain/proposal';
import type { Locale } from './locale';

export interface ProposalMessages {
  formTitle: string;
  changeTitle: string;
  formIntro: (groupName: string) => string;
  labels: Record<ProposalField, string>;
  placeholders: { title: string; description: string };
  kinds: Record<ProposalKind, string>;
  frameworks: Record<GoalFramework, string>;
  statuses: Record<ProposalStatus, string>;
  meetingChoice: (title: string, date: string, lastDay: string) => string;
  noOpenMeeting: string;
  minutes: (n: number) => string;
  errors: Record<ProposalFieldError, string>;
  fixErrors: string;
  submit: string;
  cancelChange: string;
  receiptTitle: Record<ProposalStatus, string>;
  meeting: string;
  status: string;
  time: string;
  organisation: string;
  goals: string;
  noMeetingYet: string;
  late: (missedTitle: string, missedDate: string, nowFor: string | null) => string;
  changeUntil: (lastDay: string) => string;
  decisionNote: string;
  change: string;
  withdraw: string;
  withdrawConfirm: string;
  myProposalsTitle: string;
  noProposals: string;
  notMember: string;
  unreadable: string;
  noLongerChangeable: string;
  notYours: string;
}

const sv: ProposalMessages = {
  formTitle: 'Föreslå en punkt till dagordningen',
  changeTitle: 'Ändra ditt förslag',
  formIntro: (group) => `Förslaget går till strategerna i ${group}, som sätter ihop dagordningen.`,
  labels: {
    title: 'Rubrik',
    description: 'Beskrivning (valfritt)',
    kind: 'Typ av punkt',
    organisationId: 'Förvaltning eller bolag',
    goalIds: 'Mål som punkten berör (valfritt)',
    minutesNeeded: 'Tid som behövs (minuter, 5–60)',
    meetingId: 'Möte',
  },
  placeholders: { title: 'Vad ska gruppen ta upp?', description: 'Bakgrund, vad du vill ha ut av punkten, eventuella länkar' },
  kinds: {
    avstamning: 'Avstämning',
    diskussion: 'Diskussion',
    beslut: 'Beslut',
    information: 'Information',
    kompetensutveckling: 'Kompetensutveckling',
    omvarldsbevakning: 'Omvärldsbevakning',
    samarbete: 'Samarbete',
  },
  frameworks: { sdg: 'Globala målen', miljomal: 'Miljökvalitetsmål', local: 'Lokalt mål' },
  statuses: { submitted: 'Inskickat', accepted: 'Antaget', deferred: 'Flyttat', declined: 'Avböjt', withdrawn: 'Återtaget' },
  meetingChoice: (title, date, lastDay) => `${title}, ${date} (förslag senast ${lastDay})`,
  noOpenMeeting: 'Inget möte tar emot förslag just nu; förslaget sparas till nästa möte som planeras.',
  minutes: (n) => `${n} min`,
  errors: {
    required: 'Fyll i det här fältet.',
    'too-long': 'Texten är för lång.',
    'out-of-range': 'Ange ett heltal mellan 5 och 60.',
    'unknown-choice': 'Välj ett av alternativen i listan.',
    'too-many': 'Välj högst 10 mål.',
    'meeting-closed': 'Mötet tar inte emot fler förslag.',
  },
  fixErrors: 'Förslaget är inte skickat. Rätta det som är markerat och skicka igen.',
  submit: 'Skicka förslag',
  cancelChange: 'Avbryt ändringen',
  receiptTitle: {
    submitted: 'Tack! Ditt förslag är inskickat',
    accepted: 'Ditt förslag är antaget',
    deferred: 'Ditt förslag är flyttat',
    declined: 'Ditt förslag är avböjt',
    withdrawn: 'Du har dragit tillbaka förslaget',
  },
  meeting: 'Möte',
  status: 'Status',
  time: 'Tid',
  organisation: 'Förvaltning/bolag',
  goals: 'Mål',
  noMeetingYet: 'Nästa möte som planeras',
  late: (missed, date, nowFor) =>
    `Förslaget kom efter sista dag för ${missed} (${date}). ${nowFor ? `Det ligger nu i kön till ${nowFor}.` : 'Det sparas till nästa möte som planeras.'}`,
  changeUntil: (lastDay) => `Du kan ändra eller dra tillbaka förslaget till och med ${lastDay}.`,
  decisionNote: 'Kommentar från strategerna',
  change: 'Ändra',
  withdraw: 'Dra tillbaka',
  withdrawConfirm: 'Vill du dra tillbaka förslaget?',
  myProposalsTitle: 'Mina förslag',
  noProposals: 'Du har inte skickat några förslag ännu. Skriv **föreslå** för att föreslå en punkt.',
  notMember: 'Du finns inte med i någon arbetsgrupp här, så du kan inte föreslå punkter. Skriv **hjälp** för att se vem du kan fråga.',
  unreadable: 'Kortet skickade något jag inte kan läsa, så inget har sparats. Skriv **föreslå** för att öppna ett nytt formulär.',
  noLongerChangeable: 'Förslaget kan inte ändras längre: sista dagen har passerat eller strategerna har redan behandlat det.',
  notYours: 'Det här förslaget är inte ditt, så du kan inte ändra det.',
};

const en: ProposalMessages = {
  formTitle: 'Propose an agenda item',
  changeTitle: 'Change your proposal',
  formIntro: (group) => `Your proposal goes to the strategists of ${group}, who put the agenda together.`,
  labels: {
    title: 'Title',
    description: 'Description (optional)',
    kind: 'Kind of item',
    organisationId: 'Administration or company',
    goalIds: 'Goals the item concerns (optional)',
    minutesNeeded: 'Time needed (minutes, 5–60)',
    meetingId: 'Meeting',
  },
  placeholders: { title: 'What should the group take up?', description: 'Background, what you want from the item, any links' },
  kinds: {
    avstamning: 'Check-in',
    diskussion: 'Discussion',
    beslut: 'Decision',
    information: 'Information',
    kompetensutveckling: 'Competence development',
    omvarldsbevakning: 'Horizon scanning',
    samarbete: 'Collaboration',
  },
  frameworks: { sdg: 'Global Goals', miljomal: 'Environmental objective', local: 'Local goal' },
  statuses: { submitted: 'Submitted', accepted: 'Accepted', deferred: 'Deferred', declined: 'Declined', withdrawn: 'Withdrawn' },
  meetingChoice: (title, date, lastDay) => `${title}, ${date} (proposals by ${lastDay})`,
  noOpenMeeting: 'No meeting takes proposals right now; yours is kept for the next meeting planned.',
  minutes: (n) => `${n} min`,
  errors: {
    required: 'Fill in this field.',
    'too-long': 'The text is too long.',
    'out-of-range': 'Enter a whole number from 5 to 60.',
    'unknown-choice': 'Pick one of the choices in the list.',
    'too-many': 'Pick at most 10 goals.',
    'meeting-closed': 'The meeting takes no more proposals.',
  },
  fixErrors: 'Not sent yet. Correct what is marked and send again.',
  submit: 'Send proposal',
  cancelChange: 'Cancel the change',
  receiptTitle: {
    submitted: 'Thank you! Your proposal is in',
    accepted: 'Your proposal is accepted',
    deferred: 'Your proposal is deferred',
    declined: 'Your proposal is declined',
    withdrawn: 'You withdrew the proposal',
  },
  meeting: 'Meeting',
  status: 'Status',
  time: 'Time',
  organisation: 'Organisation',
  goals: 'Goals',
  noMeetingYet: 'The next meeting planned',
  late: (missed, date, nowFor) =>
    `The proposal came after the last day for ${missed} (${date}). ${nowFor ? `It is now queued for ${nowFor}.` : 'It is kept for the next meeting planned.'}`,
  changeUntil: (lastDay) => `You can change or withdraw it until ${lastDay}.`,
  decisionNote: "The strategists' comment",
  change: 'Change',
  withdraw: 'Withdraw',
  withdrawConfirm: 'Withdraw the proposal?',
  myProposalsTitle: 'My proposals',
  noProposals: "You haven't sent any proposals yet. Type **propose** to propose an item.",
  notMember: "You aren't in a working group here, so you can't propose items. Type **help** to see whom to ask.",
  unreadable: 'The card sent something I cannot read, so nothing was saved. Type **propose** to open a new form.',
  noLongerChangeable: 'The proposal can no longer be changed: the last day has passed or the strategists have handled it.',
  notYours: "This proposal isn't yours, so you can't change it.",
};

export function proposalMessages(locale: Locale): ProposalMessages {
  return locale === 'en' ? en : sv;
}
