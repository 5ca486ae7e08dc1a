/** The words of the bot's `mina åtgärder`, in Swedish and English. */
import type { ActionStatus } from '../../domain/minutes';
import type { Locale } from './locale';

export interface ActionMessages {
  title: string;
  none: string;
  due: (date: string) => string;
  statuses: Record<ActionStatus, string>;
  tabHint: string;
}

const sv: ActionMessages = {
  title: 'Mina åtgärder',
  none: 'Du har inga öppna åtgärder.',
  due: (date) => `klart senast ${date}`,
  statuses: { open: 'Ej påbörjad', in_progress: 'Pågår', blocked: 'Hinder', done: 'Klar' },
  tabHint: 'Åtgärderna kommer från mötenas minnesanteckningar, som finns i fliken Arbetsrum.',
};

const en: ActionMessages = {
  title: 'My action items',
  none: 'You have no open action items.',
  due: (date) => `due ${date}`,
  statuses: { open: 'Not started', in_progress: 'In progress', blocked: 'Blocked', done: 'Done' },
  tabHint: "The action items come from the meetings' minutes, which are in the Arbetsrum tab.",
};

export function actionMessages(locale: Locale): ActionMessages {
  return locale === 'en' ? en : sv;
}
