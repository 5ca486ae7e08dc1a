/** The words of the kallelse and the RSVP, in Swedish and English. */
import type { Rsvp } from '../../domain/attendance';
import type { Locale } from './locale';

export interface KallelseMessages {
  title: (meetingTitle: string) => string;
  cancelledTitle: (meetingTitle: string) => string;
  cancelledBody: string;
  reminderTitle: (meetingTitle: string) => string;
  summaryTitle: (meetingTitle: string) => string;
  coming: string;
  notComing: string;
  substitutes: string;
  noAnswer: string;
  unrepresented: string;
  allRepresented: string;
  nobody: string;
  intro: (groupName: string) => string;
  date: string;
  time: string;
  place: string;
  online: string;
  chair: string;
  agenda: string;
  noItems: string;
  moreItems: (count: number) => string;
  presenter: (name: string) => string;
  question: string;
  answers: Record<Rsvp, string>;
  yourAnswer: (answer: string) => string;
  substituteLabel: string;
  substitutePlaceholder: string;
  substituteRequired: string;
  sendSubstitute: string;
  channelHint: string;
  noMeeting: string;
  answerRefused: string;
  meetingOver: string;
  answerInPersonalChat: string;
}

const sv: KallelseMessages = {
  title: (meeting) => `Kallelse: ${meeting}`,
  cancelledTitle: (meeting) => `Inställt: ${meeting}`,
  cancelledBody: 'Mötet är inställt. Du behöver inte svara; strategerna hör av sig om ett nytt datum.',
  reminderTitle: (meeting) => `Påminnelse: ${meeting} är i morgon`,
  summaryTitle: (meeting) => `Inför ${meeting} i morgon`,
  coming: 'Kommer',
  notComing: 'Förhinder',
  substitutes: 'Ersättare',
  noAnswer: 'Har inte svarat',
  unrepresented: 'Förvaltningar som inte blir representerade',
  allRepresented: 'Alla förvaltningar blir representerade.',
  nobody: '–',
  intro: (group) => `Välkommen till ${group}s möte.`,
  date: 'Datum',
  time: 'Tid',
  place: 'Plats',
  online: 'Delta via Teams',
  chair: 'Ordförande',
  agenda: 'Dagordning',
  noItems: 'Dagordningen är inte klar ännu.',
  moreItems: (n) => `… och ${n} punkter till. Hela dagordningen finns i fliken Arbetsrum.`,
  presenter: (name) => `Föredras av ${name}`,
  question: 'Kommer du?',
  answers: { yes: 'Kommer', no: 'Kommer inte', substitute: 'Ersättare kommer' },
  yourAnswer: (answer) => `Ditt svar: **${answer}**. Du kan ändra det fram till mötet.`,
  substituteLabel: 'Vem kommer i ditt ställe?',
  substitutePlaceholder: 'Namn på ersättaren',
  substituteRequired: 'Skriv namnet på den som kommer.',
  sendSubstitute: 'Skicka',
  channelHint: 'Alla i gruppen har fått kallelsen i en egen chatt, där de också svarar om de kommer.',
  noMeeting: 'Inget möte är planerat ännu.',
  answerRefused: 'Svaret kunde inte sparas. Ange namnet på ersättaren, eller välj Kommer eller Kommer inte.',
  meetingOver: 'Mötet har redan börjat eller är inställt, så svaret kan inte ändras.',
  answerInPersonalChat: 'Svara om du kommer i din egen chatt med Arbetsrum (skriv dagordning där).',
};

const en: KallelseMessages = {
  title: (meeting) => `Invitation: ${meeting}`,
  cancelledTitle: (meeting) => `Cancelled: ${meeting}`,
  cancelledBody: 'The meeting is cancelled. You need not answer; the strategists will be in touch about a new date.',
  reminderTitle: (meeting) => `Reminder: ${meeting} is tomorrow`,
  summaryTitle: (meeting) => `Ahead of ${meeting} tomorrow`,
  coming: 'Coming',
  notComing: 'Apologies',
  substitutes: 'Substitutes',
  noAnswer: 'Not answered',
  unrepresented: 'Administrations that will not be represented',
  allRepresented: 'Every administration will be represented.',
  nobody: '–',
  intro: (group) => `Welcome to the meeting of ${group}.`,
  date: 'Date',
  time: 'Time',
  place: 'Place',
  online: 'Join in Teams',
  chair: 'Chair',
  agenda: 'Agenda',
  noItems: 'The agenda is not ready yet.',
  moreItems: (n) => `… and ${n} more items. The whole agenda is in the Arbetsrum tab.`,
  presenter: (name) => `Presented by ${name}`,
  question: 'Are you coming?',
  answers: { yes: 'Coming', no: 'Not coming', substitute: 'A substitute is coming' },
  yourAnswer: (answer) => `Your answer: **${answer}**. You can change it until the meeting.`,
  substituteLabel: 'Who comes in your place?',
  substitutePlaceholder: "The substitute's name",
  substituteRequired: 'Write the name of whoever comes.',
  sendSubstitute: 'Send',
  channelHint: 'Everyone in the group has the invitation in a chat of their own, where they also answer whether they come.',
  noMeeting: 'No meeting is planned yet.',
  answerRefused: "The answer couldn't be saved. Give the substitute's name, or choose Coming or Not coming.",
  meetingOver: 'The meeting has begun or is cancelled, so the answer can no longer be changed.',
  answerInPersonalChat: 'Say whether you come in your own chat with Arbetsrum (write agenda there).',
};

export function kallelseMessages(locale: Locale): KallelseMessages {
  return locale === 'en' ? en : sv;
}
