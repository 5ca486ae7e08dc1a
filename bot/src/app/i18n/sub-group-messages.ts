/** The words of the convenor's reminder (card and mail), in Swedish and English. */
import type { Locale } from './locale';

export interface SubGroupMessages {
  reminderTitle: (subGroup: string) => string;
  reminderIntro: (meeting: string) => string;
  subGroup: string;
  mandate: string;
  deadline: string;
  meeting: string;
  members: string;
  tabHint: string;
}

const sv: SubGroupMessages = {
  reminderTitle: (subGroup) => `Återrapportering från ${subGroup}`,
  reminderIntro: (meeting) =>
    `Du är sammankallande för delgruppen. Dess återrapportering står på dagordningen till ${meeting}, med dig som föredragande.`,
  subGroup: 'Delgrupp',
  mandate: 'Uppdrag',
  deadline: 'Klart senast',
  meeting: 'Möte',
  members: 'Medlemmar',
  tabHint: 'Delgruppen finns under Delgrupper i fliken Arbetsrum.',
};

const en: SubGroupMessages = {
  reminderTitle: (subGroup) => `Report-back from ${subGroup}`,
  reminderIntro: (meeting) => `You convene this sub-group. Its report-back is on the agenda of ${meeting}, presented by you.`,
  subGroup: 'Sub-group',
  mandate: 'Mandate',
  deadline: 'Deadline',
  meeting: 'Meeting',
  members: 'Members',
  tabHint: 'The sub-group is under Sub-groups in the Arbetsrum tab.',
};

export function subGroupMessages(locale: Locale): SubGroupMessages {
  return locale === 'en' ? en : sv;
}
