/** The words of the call for proposals, in Swedish and English. */
import type { Locale } from './locale';

export interface CallMessages {
  title: (meetingTitle: string) => string;
  reminderTitle: (meetingTitle: string, lastDay: string) => string;
  intro: (groupName: string) => string;
  meeting: string;
  time: string;
  place: string;
  chair: string;
  lastDay: (date: string) => string;
  propose: string;
  nothing: string;
  channelHint: string;
  nothingNoted: (meetingTitle: string, date: string) => string;
  changeMind: string;
  closed: string;
}

const sv: CallMessages = {
  title: (meeting) => `Dags att föreslå punkter till ${meeting}`,
  reminderTitle: (meeting, day) => `Påminnelse: sista dag att föreslå punkter till ${meeting} är ${day}`,
  intro: (group) => `Har du något som ${group} bör ta upp? Alla i gruppen kan föreslå punkter till dagordningen.`,
  meeting: 'Möte',
  time: 'Tid',
  place: 'Plats',
  chair: 'Ordförande',
  lastDay: (date) => `Sista dag att föreslå: **${date}**`,
  propose: 'Föreslå punkt',
  nothing: 'Inget att föreslå',
  channelHint:
    'Var och en har fått ett eget meddelande från Arbetsrum med en knapp för att föreslå. Du kan också skriva **föreslå** till Arbetsrum i en chatt.',
  nothingNoted: (meeting, date) => `Noterat: du har inget att föreslå till ${meeting} (${date}).`,
  changeMind: 'Kommer du på något kan du fortfarande föreslå en punkt fram till sista dagen.',
  closed: 'Mötet tar inte längre emot förslag, så svaret behövs inte.',
};

const en: CallMessages = {
  title: (meeting) => `Time to propose items for ${meeting}`,
  reminderTitle: (meeting, day) => `Reminder: the last day to propose items for ${meeting} is ${day}`,
  intro: (group) => `Is there something ${group} should take up? Everyone in the group can propose agenda items.`,
  meeting: 'Meeting',
  time: 'Time',
  place: 'Place',
  chair: 'Chair',
  lastDay: (date) => `Last day to propose: **${date}**`,
  propose: 'Propose an item',
  nothing: 'Nothing to propose',
  channelHint:
    'Everyone has had a message of their own from Arbetsrum with a button to propose. You can also write **propose** to Arbetsrum in a chat.',
  nothingNoted: (meeting, date) => `Noted: you have nothing to propose for ${meeting} (${date}).`,
  changeMind: 'If something comes up, you can still propose an item until the last day.',
  closed: 'The meeting no longer takes proposals, so no answer is needed.',
};

export function callMessages(locale: Locale): CallMessages {
  return locale === 'en' ? en : sv;
}
