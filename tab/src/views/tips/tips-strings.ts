/** Every string of the Omvärldsbevakning view, Swedish first. */
import { useI18n } from '../../i18n';
import type { TipSource, TipStatus } from './tips-api';

const sv = {
  title: 'Omvärldsbevakning',
  intro:
    'Tips från gruppens medlemmar: länkar, rapporter och annat värt att känna till. Ett tips kan bli ett förslag till dagordningen. Du kan också tipsa från chatten med Arbetsrum (skriv ”tipsa”) eller från ett meddelande i Teams (Fler åtgärder → Tipsa gruppen).',
  loading: 'Hämtar tipsen…',
  listLabel: 'Tips, senaste först',
  empty: 'Inga tips ännu. Var först med att tipsa gruppen!',
  addTitle: 'Tipsa gruppen',
  link: 'Länk',
  linkHint: 'Börjar med https://',
  comment: 'Kommentar',
  commentHint: 'Vad är intressant med det här för gruppen?',
  send: 'Skicka tipset',
  sending: 'Skickar…',
  sent: 'Tack! Tipset är skickat och står först i listan.',
  errors: {
    notHttps: 'Länken måste börja med https:// och vara en hel adress.',
    tooLong: (max: number) => `Högst ${max} tecken.`,
    empty: 'Skriv en kommentar eller klistra in en länk.',
    required: 'Fyll i det här fältet.',
    minutes: 'Ange ett heltal mellan 5 och 60.',
  },
  sendFailed: 'Tipset kunde inte skickas.',
  statuses: { new: 'Nytt', proposed: 'Blev förslag', dismissed: 'Avfärdat' } satisfies Record<TipStatus, string>,
  sources: {
    bot: 'via chatten',
    'message-extension': 'från ett Teams-meddelande',
    tab: 'via fliken',
  } satisfies Record<TipSource, string>,
  unknownSender: 'En tidigare medlem',
  sentBy: (name: string, when: string, source: string) => `${name}, ${when}, ${source}`,
  quoteLabel: 'Meddelandet',
  becameProposal: (title: string) => `Blev förslaget ”${title}”.`,
  makeProposal: 'Gör till förslag',
  makeProposalLabel: (what: string) => `Gör till förslag: ${what}`,
  dismiss: 'Avfärda',
  dismissLabel: (what: string) => `Avfärda: ${what}`,
  dismissed: 'Tipset är avfärdat.',
  dismissFailed: 'Tipset kunde inte avfärdas.',
  alreadyHandled: 'Någon annan har redan hanterat tipset. Listan är uppdaterad.',
  opensInNewWindow: '(öppnas i ett nytt fönster)',
  proposalTitle: 'Gör tipset till förslag',
  proposalIntro:
    'Förslaget skickas i ditt namn som omvärldsbevakning till nästa möte som tar emot förslag. Strategerna sätter ihop dagordningen.',
  proposalFields: { title: 'Rubrik', description: 'Beskrivning', minutes: 'Tid som behövs (minuter, 5–60)' },
  submitProposal: 'Skicka förslaget',
  cancel: 'Avbryt',
  proposalSent: (title: string) => `Tack! Förslaget ”${title}” är inskickat och syns under Förslag.`,
  proposalFailed: 'Förslaget kunde inte skickas.',
};

export type TipsStrings = typeof sv;

const en: TipsStrings = {
  title: 'Horizon scanning',
  intro:
    "Tips from the group's members: links, reports and other things worth knowing. A tip can become an agenda proposal. You can also send a tip from the chat with Arbetsrum (type “tip”) or from a message in Teams (More actions → Tip off the group).",
  loading: 'Loading the tips…',
  listLabel: 'Tips, newest first',
  empty: 'No tips yet. Be the first to tip off the group!',
  addTitle: 'Tip off the group',
  link: 'Link',
  linkHint: 'Starts with https://',
  comment: 'Comment',
  commentHint: 'Why is this of interest to the group?',
  send: 'Send the tip',
  sending: 'Sending…',
  sent: 'Thanks! The tip is sent and shown first in the list.',
  errors: {
    notHttps: 'The link must start with https:// and be a whole address.',
    tooLong: (max) => `At most ${max} characters.`,
    empty: 'Write a comment or paste a link.',
    required: 'Fill in this field.',
    minutes: 'Enter a whole number from 5 to 60.',
  },
  sendFailed: 'The tip could not be sent.',
  statuses: { new: 'New', proposed: 'Became a proposal', dismissed: 'Dismissed' },
  sources: { bot: 'via the chat', 'message-extension': 'from a Teams message', tab: 'via the tab' },
  unknownSender: 'A former member',
  sentBy: (name, when, source) => `${name}, ${when}, ${source}`,
  quoteLabel: 'The message',
  becameProposal: (title) => `Became the proposal “${title}”.`,
  makeProposal: 'Make a proposal',
  makeProposalLabel: (what) => `Make a proposal: ${what}`,
  dismiss: 'Dismiss',
  dismissLabel: (what) => `Dismiss: ${what}`,
  dismissed: 'The tip is dismissed.',
  dismissFailed: 'The tip could not be dismissed.',
  alreadyHandled: 'Someone else has already handled the tip. The list is up to date.',
  opensInNewWindow: '(opens in a new window)',
  proposalTitle: 'Make the tip a proposal',
  proposalIntro:
    'The proposal is sent in your name as horizon scanning, for the next meeting that takes proposals. The strategists put the agenda together.',
  proposalFields: { title: 'Title', description: 'Description', minutes: 'Time needed (minutes, 5–60)' },
  submitProposal: 'Send the proposal',
  cancel: 'Cancel',
  proposalSent: (title) => `Thanks! The proposal “${title}” is submitted and shows under Proposals.`,
  proposalFailed: 'The proposal could not be sent.',
};

export function useTipsStrings(): TipsStrings {
  return useI18n().language === 'en' ? en : sv;
}

/** A short name for a tip in a button's accessible name: its comment, else its link. */
export function tipName(tip: { comment: string; url: string | null; quote: string | null }): string {
  const text = (tip.comment || tip.url || tip.quote || '').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
