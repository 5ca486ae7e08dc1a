/**
 * Every sentence the bot says, in Swedish and English. Cards and replies take their words from
 * here and nowhere else, so a translation is one file's work.
 */
import type { Role } from '../../domain/membership';
import type { Locale } from './locale';

export interface BotMessages {
  welcomeTitle: (name: string) => string;
  welcomeIntro: string;
  roleInGroup: (role: Role, groupName: string) => string;
  nextMeeting: string;
  noMeetingPlanned: string;
  chair: string;
  place: string;
  time: string;
  whatICanDo: string;
  abilities: string[];
  helpHint: string;
  unknownTitle: string;
  unknownBody: string;
  unknownContacts: string;
  unknownNoContacts: string;
  teamTitle: string;
  teamBody: (groupName: string | null) => string;
  notUnderstood: string;
  somethingWentWrong: string;
  /** For clients that cannot show a card with buttons. */
  openInTeams: string;
}

const roleSv: Record<Role, string> = { strategist: 'hållbarhetsstrateg', delegate: 'delegat', substitute: 'ersättare', guest: 'gäst' };
const roleEn: Record<Role, string> = {
  strategist: 'sustainability strategist',
  delegate: 'delegate',
  substitute: 'substitute',
  guest: 'guest',
};

const sv: BotMessages = {
  welcomeTitle: (name) => `Hej ${name}!`,
  welcomeIntro: 'Jag är Arbetsrum, gruppens assistent här i Teams.',
  roleInGroup: (role, group) => `Du är ${roleSv[role]} i ${group}.`,
  nextMeeting: 'Nästa möte',
  noMeetingPlanned: 'Inget möte är planerat ännu.',
  chair: 'Ordförande',
  place: 'Plats',
  time: 'Tid',
  whatICanDo: 'Skriv till mig',
  abilities: [
    '**föreslå** – föreslå en punkt till dagordningen',
    '**mina förslag** – se dina förslag och vad som har hänt med dem',
    '**mina åtgärder** – dina öppna åtgärder från mötenas minnesanteckningar',
    '**nästa möte** – när och var nästa möte är',
    '**dagordning** – kallelsen till nästa möte, där du också svarar om du kommer',
    '**tipsa** – tipsa gruppen om en länk eller något du har sett (omvärldsbevakning)',
    '**tipsa om kompetens** – föreslå en föreläsning, film, ett studiebesök eller en gäst; gruppen röstar på förslagen',
    '**hjälp** – visa det här igen',
  ],
  helpHint:
    'Kallelser och uppmaningar att föreslå punkter kommer hit av sig själva; dagordningen och minnesanteckningarna finns i fliken Arbetsrum. Snart kommer också påminnelser.',
  unknownTitle: 'Hej! Jag känner inte igen dig ännu',
  unknownBody: 'Arbetsrum är till för medlemmarna i en arbetsgrupp, och du finns inte med i någon grupp här.',
  unknownContacts: 'Be någon av gruppens hållbarhetsstrateger att lägga till dig:',
  unknownNoContacts: 'Ingen grupp är upplagd i er organisation ännu. Kontakta den som ansvarar för Teams hos er.',
  teamTitle: 'Arbetsrum är installerat i teamet',
  teamBody: (group) =>
    group
      ? `Här kommer kallelser, dagordningar och minnesanteckningar för ${group} att visas. Varje medlem får också meddelanden från mig i en egen chatt.`
      : 'Teamet är inte kopplat till någon arbetsgrupp ännu. En hållbarhetsstrateg kopplar det i fliken Arbetsrum.',
  notUnderstood: 'Det förstod jag inte. Här är vad du kan skriva:',
  openInTeams: 'Öppna meddelandet i Teams på datorn eller på webben för att svara.',
  somethingWentWrong: 'Något gick fel hos Arbetsrum. Försök igen om en stund; om felet finns kvar, kontakta gruppens hållbarhetsstrateg.',
};

const en: BotMessages = {
  welcomeTitle: (name) => `Hi ${name}!`,
  welcomeIntro: "I'm Arbetsrum, the group's assistant here in Teams.",
  roleInGroup: (role, group) => `You are a ${roleEn[role]} in ${group}.`,
  nextMeeting: 'Next meeting',
  noMeetingPlanned: 'No meeting is planned yet.',
  chair: 'Chair',
  place: 'Place',
  time: 'Time',
  whatICanDo: 'Write to me',
  abilities: [
    '**propose** – propose an item for the agenda',
    '**my proposals** – see your proposals and what became of them',
    "**my actions** – your open action items from the meetings' minutes",
    '**next meeting** – when and where the next meeting is',
    '**agenda** – the invitation to the next meeting, where you also say whether you come',
    '**tip** – tip off the group about a link or something you have seen (horizon scanning)',
    '**suggest competence** – suggest a lecture, film, study visit or guest; the group votes on suggestions',
    '**help** – show this again',
  ],
  helpHint:
    'Invitations and calls for proposals arrive here by themselves; the agenda and the minutes are in the Arbetsrum tab. Reminders will come soon.',
  unknownTitle: "Hi! I don't know you yet",
  unknownBody: "Arbetsrum is for the members of a working group, and you aren't in a group here.",
  unknownContacts: "Ask one of the group's sustainability strategists to add you:",
  unknownNoContacts: 'No group has been set up in your organisation yet. Contact whoever runs Teams for you.',
  teamTitle: 'Arbetsrum is installed in this team',
  teamBody: (group) =>
    group
      ? `Invitations, agendas and minutes for ${group} will appear here. Each member also hears from me in a chat of their own.`
      : 'This team is not linked to a working group yet. A sustainability strategist links it in the Arbetsrum tab.',
  notUnderstood: "I didn't understand that. Here is what you can write:",
  openInTeams: 'Open this message in Teams on the desktop or the web to answer.',
  somethingWentWrong: "Something went wrong in Arbetsrum. Try again in a while; if it persists, contact the group's strategist.",
};

export function botMessages(locale: Locale): BotMessages {
  return locale === 'en' ? en : sv;
}
