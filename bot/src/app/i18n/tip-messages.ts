/** The words of omvärldsbevakning in the bot: the tip form, its receipt and the message extension. */
import type { TipField, TipFieldError } from '../../domain/tip';
import type { Locale } from './locale';

export interface TipMessages {
  formTitle: string;
  formIntro: string;
  fromMessage: string;
  labels: Record<TipField | 'groupId', string>;
  chooseGroup: string;
  placeholders: Record<TipField, string>;
  errors: Record<TipFieldError, string>;
  fixErrors: string;
  submit: string;
  receiptTitle: string;
  receiptBody: (groupName: string) => string;
  link: string;
  comment: string;
  notMember: string;
  unreadable: string;
  /** The message extension's task modules and answers. */
  taskTitles: { proposal: string; tip: string };
  proposalSent: (title: string) => string;
  tipSent: (groupName: string) => string;
  cannotRead: string;
  onlyMembers: string;
  somethingWrong: string;
}

const sv: TipMessages = {
  formTitle: 'Tipsa gruppen',
  formIntro:
    'Har du sett något som gruppen borde känna till? Skicka en länk och en kommentar. Tipset syns under Omvärldsbevakning i fliken Arbetsrum och kan bli ett förslag till dagordningen.',
  fromMessage: 'Meddelandet du tipsar om:',
  labels: { groupId: 'Grupp', url: 'Länk (https://…)', comment: 'Kommentar' },
  chooseGroup: 'Välj vilken grupp tipset är till.',
  placeholders: { url: 'https://', comment: 'Vad är intressant med det här för gruppen?' },
  errors: {
    required: 'Skriv en kommentar eller klistra in en länk.',
    'too-long': 'Texten är för lång.',
    'not-https': 'Länken måste börja med https://.',
  },
  fixErrors: 'Något behöver rättas innan tipset kan skickas:',
  submit: 'Skicka tipset',
  receiptTitle: 'Tack för tipset!',
  receiptBody: (groupName) => `Tipset är skickat till ${groupName}. Det syns under Omvärldsbevakning i fliken Arbetsrum.`,
  link: 'Länk',
  comment: 'Kommentar',
  notMember: 'Du finns inte med i någon arbetsgrupp här, så du kan inte skicka tips. Skriv **hjälp** för att se vem du kan fråga.',
  unreadable: 'Kortet skickade något jag inte kan läsa, så inget har sparats. Skriv **tipsa** för att öppna ett nytt formulär.',
  taskTitles: { proposal: 'Föreslå som punkt', tip: 'Tipsa gruppen' },
  proposalSent: (title) => `Tack! Förslaget ”${title}” är inskickat.`,
  tipSent: (groupName) => `Tack! Tipset är skickat till ${groupName}.`,
  cannotRead: 'Det gick inte att läsa det som skickades, så inget har sparats. Försök igen från meddelandet.',
  onlyMembers: 'Du finns inte med i någon arbetsgrupp i Arbetsrum, så du kan inte föreslå punkter eller skicka tips.',
  somethingWrong: 'Något gick fel hos oss, så inget har sparats. Försök igen om en stund.',
};

const en: TipMessages = {
  formTitle: 'Tip off the group',
  formIntro:
    'Seen something the group should know about? Send a link and a comment. The tip shows under Horizon scanning in the Arbetsrum tab and can become an agenda proposal.',
  fromMessage: 'The message you are passing on:',
  labels: { groupId: 'Group', url: 'Link (https://…)', comment: 'Comment' },
  chooseGroup: 'Choose the group the tip is for.',
  placeholders: { url: 'https://', comment: 'Why is this of interest to the group?' },
  errors: {
    required: 'Write a comment or paste a link.',
    'too-long': 'The text is too long.',
    'not-https': 'The link must start with https://.',
  },
  fixErrors: 'Something needs fixing before the tip can be sent:',
  submit: 'Send the tip',
  receiptTitle: 'Thanks for the tip!',
  receiptBody: (groupName) => `The tip went to ${groupName}. It shows under Horizon scanning in the Arbetsrum tab.`,
  link: 'Link',
  comment: 'Comment',
  notMember: "You aren't in a working group here, so you can't send tips. Type **help** to see whom to ask.",
  unreadable: 'The card sent something I cannot read, so nothing was saved. Type **tip** to open a new form.',
  taskTitles: { proposal: 'Propose as an item', tip: 'Tip off the group' },
  proposalSent: (title) => `Thanks! The proposal “${title}” has been submitted.`,
  tipSent: (groupName) => `Thanks! The tip went to ${groupName}.`,
  cannotRead: 'What was sent could not be read, so nothing was saved. Try again from the message.',
  onlyMembers: "You aren't in a working group in Arbetsrum, so you can't propose items or send tips.",
  somethingWrong: 'Something went wrong on our side, so nothing was saved. Try again in a while.',
};

export function tipMessages(locale: Locale): TipMessages {
  return locale === 'en' ? en : sv;
}
