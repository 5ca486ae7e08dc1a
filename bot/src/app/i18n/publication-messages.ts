/** Words of the announcement of published minutes, on the card and in its mail version. */
import type { Locale } from './locale';

export interface PublicationMessages {
  title: (meeting: string) => string;
  correctionTitle: (meeting: string, replaces: number) => string;
  reminderTitle: (meeting: string) => string;
  reminderIntro: string;
  intro: (group: string) => string;
  meeting: string;
  version: string;
  openDocument: string;
  reportHint: string;
  report: string;
  reported: (date: string) => string;
  notPublished: string;
  onlyDelegates: string;
}

const sv: PublicationMessages = {
  title: (meeting) => `Minnesanteckningar publicerade: ${meeting}`,
  correctionTitle: (meeting, replaces) => `Rättelse av minnesanteckningarna: ${meeting} (ersätter version ${replaces})`,
  reminderTitle: (meeting) => `Påminnelse: återrapportera ${meeting}`,
  reminderIntro: 'Du har inte markerat att du har återrapporterat minnesanteckningarna till din förvaltning än.',
  intro: (group) =>
    `Minnesanteckningarna från ${group} finns nu i gruppens gemensamma arbetsrum och har skickats med e-post till gruppens medlemmar.`,
  meeting: 'Möte',
  version: 'Version',
  openDocument: 'Öppna dokumentet',
  reportHint: 'Ta med besluten och åtgärderna till din förvaltning och tryck sedan på knappen, så ser strategerna att det är gjort.',
  report: 'Jag har återrapporterat',
  reported: (date) => `Du återrapporterade ${date}. Tack!`,
  notPublished: 'Minnesanteckningarna är inte publicerade än. Knappen visas när de har publicerats.',
  onlyDelegates: 'Det är delegaterna som återrapporterar till sina förvaltningar, så knappen gäller inte dig.',
};

const en: PublicationMessages = {
  title: (meeting) => `Minutes published: ${meeting}`,
  correctionTitle: (meeting, replaces) => `Correction of the minutes: ${meeting} (replaces version ${replaces})`,
  reminderTitle: (meeting) => `Reminder: report back on ${meeting}`,
  reminderIntro: 'You have not yet marked the minutes as reported back to your administration.',
  intro: (group) => `The minutes of ${group} are now in the group's shared workspace and have been mailed to the group's members.`,
  meeting: 'Meeting',
  version: 'Version',
  openDocument: 'Open the document',
  reportHint: 'Take the decisions and actions back to your administration, then press the button so the strategists see it is done.',
  report: 'I have reported back',
  reported: (date) => `You reported back on ${date}. Thank you!`,
  notPublished: 'The minutes are not published yet. The button appears once they are.',
  onlyDelegates: 'Delegates report back to their administrations, so the button is not for you.',
};

export function publicationMessages(locale: Locale): PublicationMessages {
  return locale === 'en' ? en : sv;
}
