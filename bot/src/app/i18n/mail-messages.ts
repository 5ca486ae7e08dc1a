/** Words only the mail versions of the bot's messages need, in Swedish and English. */
import type { Locale } from './locale';

export interface MailMessages {
  whyMail: string;
  answerInTeams: string;
  proposeInTeams: string;
  actionInTeams: string;
  proposalTitle: string;
}

const sv: MailMessages = {
  whyMail:
    'Du får det här med e-post eftersom Arbetsrum inte når dig i Teams. Öppna Arbetsrum i Teams en gång, så kommer meddelandena dit i stället.',
  answerInTeams: 'Svara om du kommer i Arbetsrum i Teams (skriv dagordning till Arbetsrum), eller till mötets ordförande.',
  actionInTeams: 'Berätta hur det går för gruppens hållbarhetsstrateger, eller öppna Arbetsrum i Teams och skriv mina åtgärder.',
  proposeInTeams: 'Föreslå en punkt i Arbetsrum i Teams (skriv föreslå till Arbetsrum), eller till gruppens hållbarhetsstrateger.',
  proposalTitle: 'Förslag',
};

const en: MailMessages = {
  whyMail:
    'You get this by mail because Arbetsrum cannot reach you in Teams. Open Arbetsrum in Teams once, and messages will come there instead.',
  answerInTeams: "Say whether you come in Arbetsrum in Teams (write agenda to Arbetsrum), or to the meeting's chair.",
  actionInTeams: "Tell the group's strategists how it is going, or open Arbetsrum in Teams and write my actions.",
  proposeInTeams: "Propose an item in Arbetsrum in Teams (write propose to Arbetsrum), or to the group's strategists.",
  proposalTitle: 'Proposal',
};

export function mailMessages(locale: Locale): MailMessages {
  return locale === 'en' ? en : sv;
}
