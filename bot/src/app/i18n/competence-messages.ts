/** The words of the bot's competence cards (suggest an activity, vote), in Swedish and English. */
import type { CompetenceFieldError, CompetenceKind, SuggestionField } from '../../domain/competence';
import type { Locale } from './locale';

export interface CompetenceMessages {
  formTitle: string;
  formIntro: (group: string) => string;
  fixErrors: string;
  labels: Record<SuggestionField, string>;
  placeholders: { title: string; description: string; link: string };
  kinds: Record<CompetenceKind, string>;
  errors: Record<CompetenceFieldError, string>;
  submit: string;
  suggestionTitle: string;
  thanks: string;
  kind: string;
  suggestedBy: string;
  link: string;
  votes: (n: number) => string;
  youVoted: string;
  vote: string;
  unvote: string;
  planned: string;
  votingClosed: string;
  notMember: string;
  unreadable: string;
  tabHint: string;
}

const sv: CompetenceMessages = {
  formTitle: 'Tipsa om kompetensutveckling',
  formIntro: (group) =>
    `Föreslå en föreläsning, film, ett studiebesök eller en extern gäst för ${group}. Alla i gruppen kan rösta på förslaget.`,
  fixErrors: 'Något behöver rättas innan förslaget kan skickas.',
  labels: { kind: 'Typ av aktivitet', title: 'Rubrik', description: 'Beskrivning', link: 'Länk (https://)' },
  placeholders: {
    title: 'Till exempel: Studiebesök på återbrukscentralen',
    description: 'Vad handlar det om, och varför skulle gruppen ha nytta av det?',
    link: 'https://',
  },
  kinds: { lecture: 'Föreläsning', film: 'Film', study_visit: 'Studiebesök', external_guest: 'Extern gäst', other: 'Annat' },
  errors: {
    required: 'Fyll i det här fältet.',
    'too-long': 'Texten är för lång. Korta den och skicka igen.',
    'too-many': 'För många. Ta bort några och skicka igen.',
    'unknown-choice': 'Välj något i listan.',
    'not-https': 'Länken måste börja med https://.',
    'invalid-date': 'Skriv ett datum som 2026-10-14.',
    'held-in-future': 'En genomförd aktivitet kan inte ligga efter i dag.',
    'not-held': 'Deltagare förs in när aktiviteten är genomförd.',
    'bad-count': 'Antalet deltagare ska vara ett heltal från 1 till 1 000.',
    duplicate: 'Varje organisation får stå en gång.',
  },
  submit: 'Skicka förslaget',
  suggestionTitle: 'Förslag på kompetensutveckling',
  thanks: 'Tack! Ditt förslag syns nu för gruppen, och din röst är med från början.',
  kind: 'Typ',
  suggestedBy: 'Föreslaget av',
  link: 'Länk',
  votes: (n) => (n === 1 ? '1 röst' : `${n} röster`),
  youVoted: 'Du har röstat på förslaget.',
  vote: 'Rösta',
  unvote: 'Ta tillbaka min röst',
  planned: 'Hållbarhetsstrategerna har planerat in förslaget. Det går inte att rösta på det längre.',
  votingClosed: 'Förslaget är redan planerat, så det går inte att rösta på det längre.',
  notMember: 'Det här förslaget hör till en grupp som du inte är med i.',
  unreadable: 'Kortet kunde inte läsas. Skriv "tipsa om kompetens" för att börja om.',
  tabHint: 'Alla förslag och årets plan finns under Kompetensutveckling i fliken Arbetsrum.',
};

const en: CompetenceMessages = {
  formTitle: 'Suggest competence development',
  formIntro: (group) => `Suggest a lecture, film, study visit or external guest for ${group}. Everyone in the group can vote for it.`,
  fixErrors: 'Something needs fixing before the suggestion can be sent.',
  labels: { kind: 'Kind of activity', title: 'Title', description: 'Description', link: 'Link (https://)' },
  placeholders: {
    title: 'For example: Study visit to the reuse centre',
    description: 'What is it about, and why would the group benefit?',
    link: 'https://',
  },
  kinds: { lecture: 'Lecture', film: 'Film', study_visit: 'Study visit', external_guest: 'External guest', other: 'Other' },
  errors: {
    required: 'Fill in this field.',
    'too-long': 'The text is too long. Shorten it and send again.',
    'too-many': 'Too many. Remove some and send again.',
    'unknown-choice': 'Choose something from the list.',
    'not-https': 'The link must start with https://.',
    'invalid-date': 'Write a date like 2026-10-14.',
    'held-in-future': 'An activity that was held cannot be after today.',
    'not-held': 'Participants are entered once the activity has been held.',
    'bad-count': 'The number of participants is a whole number from 1 to 1,000.',
    duplicate: 'Each organisation may appear once.',
  },
  submit: 'Send the suggestion',
  suggestionTitle: 'Competence development suggestion',
  thanks: 'Thank you! The group can now see your suggestion, and your vote counts from the start.',
  kind: 'Kind',
  suggestedBy: 'Suggested by',
  link: 'Link',
  votes: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  youVoted: 'You have voted for this suggestion.',
  vote: 'Vote',
  unvote: 'Withdraw my vote',
  planned: 'The sustainability strategists have planned this suggestion. Voting is closed.',
  votingClosed: 'The suggestion has already been planned, so voting is closed.',
  notMember: 'This suggestion belongs to a group you are not a member of.',
  unreadable: 'The card could not be read. Write "suggest competence" to start again.',
  tabHint: 'All suggestions and the year’s plan are under Competence development in the Arbetsrum tab.',
};

export function competenceMessages(locale: Locale): CompetenceMessages {
  return locale === 'en' ? en : sv;
}
