/** The words of the bot's `mina åtgärder` and of the action status card, in Swedish and English. */
import type { ActionStatus } from '../../domain/minutes';
import type { Locale } from './locale';

export interface ActionMessages {
  title: string;
  none: string;
  due: (date: string) => string;
  statuses: Record<ActionStatus, string>;
  tabHint: string;
  /** The status card: the request before a meeting and the due reminders. */
  requestTitle: (action: string) => string;
  dueSoonTitle: (action: string) => string;
  dueTodayTitle: (action: string) => string;
  requestIntro: (meeting: string) => string;
  dueIntro: string;
  action: string;
  decidedAt: string;
  dueDate: string;
  forMeeting: string;
  statusLabel: string;
  commentLabel: string;
  commentPlaceholder: string;
  send: string;
  answered: (status: string, date: string) => string;
  onlyOwner: string;
  chooseStatus: string;
  commentTooLong: string;
}

const sv: ActionMessages = {
  title: 'Mina åtgärder',
  none: 'Du har inga öppna åtgärder.',
  due: (date) => `klart senast ${date}`,
  statuses: { open: 'Ej påbörjad', in_progress: 'Pågår', blocked: 'Hinder', done: 'Klar' },
  tabHint: 'Åtgärderna kommer från mötenas minnesanteckningar, som finns i fliken Arbetsrum.',
  requestTitle: (action) => `Hur går det med ${action}?`,
  dueSoonTitle: (action) => `Om tre dagar ska ${action} vara klar`,
  dueTodayTitle: (action) => `I dag ska ${action} vara klar`,
  requestIntro: (meeting) => `Ditt svar tas upp under uppföljningen på ${meeting}.`,
  dueIntro: 'Är den klar? Svara här, så ser strategerna hur det går.',
  action: 'Åtgärd',
  decidedAt: 'Beslutad på',
  dueDate: 'Klart senast',
  forMeeting: 'Följs upp på',
  statusLabel: 'Hur går det?',
  commentLabel: 'Kommentar (frivillig)',
  commentPlaceholder: 'Till exempel vad som hindrar, eller vad som återstår',
  send: 'Skicka svar',
  answered: (status, date) => `Du svarade ${status} ${date}. Du kan ändra svaret nedan.`,
  onlyOwner: 'Det är den som äger åtgärden som svarar på hur det går.',
  chooseStatus: 'Välj Klar, Pågår eller Hinder.',
  commentTooLong: 'Kommentaren får vara högst 1 000 tecken. Korta den och skicka igen.',
};

const en: ActionMessages = {
  title: 'My action items',
  none: 'You have no open action items.',
  due: (date) => `due ${date}`,
  statuses: { open: 'Not started', in_progress: 'In progress', blocked: 'Blocked', done: 'Done' },
  tabHint: "The action items come from the meetings' minutes, which are in the Arbetsrum tab.",
  requestTitle: (action) => `How is ${action} going?`,
  dueSoonTitle: (action) => `${action} is due in three days`,
  dueTodayTitle: (action) => `${action} is due today`,
  requestIntro: (meeting) => `Your answer is taken up in the follow-up at ${meeting}.`,
  dueIntro: 'Is it done? Answer here so the strategists see how it goes.',
  action: 'Action',
  decidedAt: 'Decided at',
  dueDate: 'Due',
  forMeeting: 'Followed up at',
  statusLabel: 'How is it going?',
  commentLabel: 'Comment (optional)',
  commentPlaceholder: 'For example what is in the way, or what remains',
  send: 'Send answer',
  answered: (status, date) => `You answered ${status} on ${date}. You can change the answer below.`,
  onlyOwner: 'The owner of the action answers how it is going.',
  chooseStatus: 'Choose Done, In progress or Blocked.',
  commentTooLong: 'The comment may be at most 1,000 characters. Shorten it and send again.',
};

export function actionMessages(locale: Locale): ActionMessages {
  return locale === 'en' ? en : sv;
}
