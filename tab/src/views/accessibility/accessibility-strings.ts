/**
 * The accessibility statement's text, Swedish first, in the order DIGG's model statement uses:
 * who runs it and what it covers, how accessible it is, how to report problems or ask for content
 * in another form, supervision, how it was assessed, dates. Update the known gaps and the dates
 * whenever a check or a fix changes them: the statement must be true when read.
 */
import { useI18n } from '../../i18n';

/** The day the service's accessibility was last assessed and this text last changed (ISO date, Stockholm). */
export const STATEMENT_ASSESSED = '2026-11-24';
export const STATEMENT_UPDATED = '2026-11-24';

/** DIGG's form for reporting a public service's lack of accessibility. */
export const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';

const sv = {
  // Parts of the heading, with a line-break opportunity between them: the long compound is wider
  // than a 280 px side panel.
  title: ['Tillgänglighets', 'redogörelse för Arbetsrum'] as readonly string[],
  intro: (publicBody: string, group: string) =>
    `${publicBody || 'Den offentliga aktören'} står bakom Arbetsrum, arbetsrummet i Microsoft Teams för ${group}. ` +
    'Här beskriver vi hur Arbetsrum uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, ' +
    'vilka brister vi känner till och hur du kan rapportera problem till oss.',
  ambition:
    'Arbetsrum ska kunna uppfattas, hanteras och förstås av alla som använder det, oavsett funktionsnedsättning och ' +
    'hjälpmedel. Målet är att följa standarden EN 301 549, vilket motsvarar WCAG 2.1 på nivå AA.',

  scopeTitle: 'Vad redogörelsen gäller',
  scope: [
    'Arbetsrums flik i Teams: Översikt, Mötesplan, Möte, Minnesanteckningar, Förslag, Medlemmar och den här sidan, i kanalen, som personlig app och i mötets sidopanel.',
    'Meddelanden och kort som Arbetsrums bot skickar i Teams chatt, och e-post som Arbetsrum skickar.',
  ],
  scopeNot: 'Microsoft Teams själv (programmet, chatten, möten) är Microsofts produkt och omfattas inte av den här redogörelsen.',

  statusTitle: 'Hur tillgängligt är Arbetsrum?',
  status: 'Tjänsten Arbetsrum är delvis förenlig med lagen om tillgänglighet till digital offentlig service.',
  gapsIntro: 'Det här vet vi inte fungerar, eller har inte kunnat kontrollera än:',
  gaps: [
    'Ingen person har ännu testat Arbetsrum med skärmläsare (NVDA, JAWS, VoiceOver eller TalkBack). Rubriker, etiketter och meddelanden till skärmläsare finns, men vi vet inte att allt fungerar väl i praktiken.',
    'Teams mobilapp är inte testad: varken fliken eller botens kort har prövats på telefon med skärmläsare eller förstoring.',
    'Botens kort i chatten visas av Teams. Hur de läses upp och hanteras med tangentbord beror delvis på Teams och är inte testat.',
    'Dagordningar och minnesanteckningar som sparas i gruppens SharePoint-bibliotek är inte granskade som tillgängliga dokument.',
    'Automatiska tester hittar bara en del av alla brister. Det som kräver mänsklig bedömning, till exempel om texter och rubriker är begripliga, har bara granskats av dem som byggt tjänsten.',
  ],
  noExemptions: 'Vi har inte undantagit något innehåll på grund av oskäligt betungande anpassning.',

  contactTitle: 'Rapportera brister eller be om innehåll i annan form',
  contactIntro:
    'Om du inte kan använda någon del av Arbetsrum, hittar en brist som inte står här, eller behöver innehåll i en annan form ' +
    '(till exempel dagordningen eller minnesanteckningarna som vanlig text, i större stil eller uppläst), hör av dig så hjälper vi dig.',
  contactMail: 'Skicka e-post till',
  contactNone: (chair: string | null) =>
    chair
      ? `Gruppen har inte angett någon särskild adress för tillgänglighetsfrågor. Kontakta gruppens hållbarhetsstrateger, till exempel ordföranden för nästa möte, ${chair}.`
      : 'Gruppen har inte angett någon särskild adress för tillgänglighetsfrågor. Kontakta gruppens hållbarhetsstrateger.',
  contactLoading: 'Hämtar kontaktuppgifter…',
  contactFailed: 'Kontaktuppgifterna kunde inte hämtas. Kontakta gruppens hållbarhetsstrateger, eller försök igen.',
  retry: 'Försök igen',
  contactWhat:
    'Berätta gärna vilken vy det gäller, vad som hände och vilket hjälpmedel, vilken webbläsare eller vilken Teams-app du använder.',

  supervisionTitle: 'Tillsyn',
  supervision:
    'Myndigheten för digital förvaltning (Digg) har tillsyn över lagen om tillgänglighet till digital offentlig service. ' +
    'Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Digg.',
  diggLink: 'Anmäl bristande tillgänglighet till Digg',
  opensInNewWindow: '(öppnas i ett nytt fönster)',

  methodTitle: 'Hur vi har testat Arbetsrum',
  methodIntro: 'Bedömningen är en självskattning, gjord av oss som bygger Arbetsrum. Ingen extern granskning har gjorts.',
  method: [
    'Vid varje bygge kontrollerar verktyget axe-core varje vy mot WCAG 2.0 och 2.1, nivå A och AA, i Teams tre teman: standard, mörkt och hög kontrast, både som hållbarhetsstrateg och som delegat.',
    'Vid varje bygge gör ett test hela flödet för dagordningen med enbart tangentbord: nå dagordningen, flytta en punkt, ändra en längd och spara, med synlig fokusmarkering i varje steg.',
    'Vi har kontrollerat att Översikt och Möte fungerar från 280 pixlars bredd (mötets sidopanel) och uppåt, och sett på skärmbilder i mörkt tema och hög kontrast.',
  ],

  datesTitle: 'Om redogörelsen',
  assessed: (date: string) => `Bedömningen gjordes den ${date}.`,
  updated: (date: string) => `Redogörelsen uppdaterades senast den ${date}.`,
};

export type AccessibilityStrings = typeof sv;

const en: AccessibilityStrings = {
  title: ['Accessibility statement for Arbetsrum'],
  intro: (publicBody: string, group: string) =>
    `${publicBody || 'The public body'} runs Arbetsrum, the workspace in Microsoft Teams for ${group}. ` +
    'This statement describes how Arbetsrum meets the Swedish Act on accessibility to digital public services (2018:1937), ' +
    'which problems we know of, and how to report a problem to us.',
  ambition:
    'Arbetsrum should be perceivable, operable and understandable for everyone who uses it, whatever their disability or ' +
    'assistive technology. The goal is to meet the standard EN 301 549, which corresponds to WCAG 2.1 level AA.',

  scopeTitle: 'What this statement covers',
  scope: [
    "Arbetsrum's tab in Teams: Overview, Meeting plan, Meeting, Minutes, Proposals, Members and this page, in the channel, as a personal app and in the meeting side panel.",
    "Messages and cards that Arbetsrum's bot sends in Teams chat, and mail that Arbetsrum sends.",
  ],
  scopeNot: "Microsoft Teams itself (the app, chat, meetings) is Microsoft's product and is not covered by this statement.",

  statusTitle: 'How accessible is Arbetsrum?',
  status: 'Arbetsrum is partially compliant with the Act on accessibility to digital public services.',
  gapsIntro: 'This is what we know does not work, or have not been able to check yet:',
  gaps: [
    'No person has yet tested Arbetsrum with a screen reader (NVDA, JAWS, VoiceOver or TalkBack). Headings, labels and announcements for screen readers are there, but we do not know that everything works well in practice.',
    "Teams' mobile app has not been tested: neither the tab nor the bot's cards have been tried on a phone with a screen reader or magnification.",
    "The bot's cards in chat are rendered by Teams. How they are read aloud and used with a keyboard depends partly on Teams and has not been tested.",
    "Agendas and minutes saved in the group's SharePoint library have not been reviewed as accessible documents.",
    'Automated tests find only some of all problems. What needs human judgement, such as whether texts and headings are clear, has been reviewed only by the people who build the service.',
  ],
  noExemptions: 'We have not exempted any content as a disproportionate burden.',

  contactTitle: 'Report a problem or ask for content in another form',
  contactIntro:
    'If you cannot use some part of Arbetsrum, find a problem that is not listed here, or need content in another form ' +
    '(for example the agenda or the minutes as plain text, in large print or read aloud), get in touch and we will help you.',
  contactMail: 'Send an e-mail to',
  contactNone: (chair: string | null) =>
    chair
      ? `The group has not given a separate address for accessibility questions. Contact the group's sustainability strategists, for example the chair of the next meeting, ${chair}.`
      : "The group has not given a separate address for accessibility questions. Contact the group's sustainability strategists.",
  contactLoading: 'Loading contact details…',
  contactFailed: "The contact details could not be loaded. Contact the group's sustainability strategists, or try again.",
  retry: 'Try again',
  contactWhat: 'Please tell us which view it concerns, what happened, and which assistive technology, browser or Teams app you use.',

  supervisionTitle: 'Supervision',
  supervision:
    'The Agency for Digital Government (Digg) supervises the Act on accessibility to digital public services. ' +
    'If you are not satisfied with how we handle your feedback, you can report it to Digg.',
  diggLink: 'Report a lack of accessibility to Digg',
  opensInNewWindow: '(opens in a new window)',

  methodTitle: 'How we tested Arbetsrum',
  methodIntro: 'The assessment is a self-assessment by the people who build Arbetsrum. No external audit has been made.',
  method: [
    "In every build, the tool axe-core checks every view against WCAG 2.0 and 2.1, levels A and AA, in Teams' three themes: default, dark and high contrast, both as a sustainability strategist and as a delegate.",
    'In every build, a test runs the whole agenda flow with the keyboard only: reach the agenda, move an item, change a length and save, with a visible focus indicator at every step.',
    'We have checked that Overview and Meeting work from 280 pixels wide (the meeting side panel) upwards, and looked at screenshots in the dark and high-contrast themes.',
  ],

  datesTitle: 'About this statement',
  assessed: (date: string) => `The assessment was made on ${date}.`,
  updated: (date: string) => `This statement was last updated on ${date}.`,
};

export function useAccessibilityStrings(): AccessibilityStrings {
  return useI18n().language === 'en' ? en : sv;
}
