/**
 * The privacy notice (information enligt artikel 13 i dataskyddsförordningen), Swedish first:
 * who is responsible, what Arbetsrum keeps and why, for how long, and the person's rights. Keep
 * it true to what the code does: sql-personal-data.ts lists the records, docs/security.md the rules.
 */
import { useI18n } from '../../i18n';

/** Integritetsskyddsmyndigheten: where a person complains about how their data is handled. */
export const IMY_URL = 'https://www.imy.se/privatperson/utfora-arenden/lamna-ett-klagomal/';

const sv = {
  title: 'Personuppgifter i Arbetsrum',
  intro: (publicBody: string, group: string) =>
    `${publicBody || 'Kommunen'} är personuppgiftsansvarig för de uppgifter Arbetsrum behandlar om dig som är med i ${group}. ` +
    'Här står vilka uppgifter det är, varför vi har dem, hur länge de sparas och vilka rättigheter du har.',

  whatTitle: 'Vilka uppgifter Arbetsrum har om dig',
  what: [
    'Namn, e-postadress i tjänsten, förvaltning eller bolag och ditt id i organisationens Microsoft-konto (Entra ID).',
    'Vilka grupper du är med i och din roll där.',
    'Det du gör i gruppen: förslag du lämnar, svar på kallelser och utskick, åtgärder du äger och dina statussvar, kommentarer och godkännanden av minnesanteckningar, och att du har återrapporterat.',
    'Var boten kan nå dig i Teams, och vilka meddelanden den har skickat till dig.',
    'Vem som har ändrat dagordningar, minnesanteckningar och medlemmar (ändringsloggen), som strategerna kan se.',
  ],
  whatNot: 'Arbetsrum hämtar inga andra uppgifter om dig, till exempel inte din kalender eller andra chattar.',

  whyTitle: 'Varför',
  why:
    'Uppgifterna behövs för att gruppen ska kunna arbeta: kalla till möten, samla förslag, föra och skicka ut minnesanteckningar och följa upp det som beslutats. ' +
    'Den rättsliga grunden är att behandlingen är nödvändig för att utföra en uppgift av allmänt intresse (artikel 6.1 e i dataskyddsförordningen).',

  keepTitle: 'Hur länge',
  keep: [
    'Så länge du är med i gruppen. När du lämnar den kan gruppens strateg radera dina uppgifter.',
    'Publicerade minnesanteckningar, med närvaro och åtgärder som de publicerades, är allmänna handlingar. De bevaras enligt arkivlagen och kommunens dokumenthanteringsplan och raderas inte.',
  ],

  rightsTitle: 'Dina rättigheter',
  rights: [
    'Du har rätt att få veta vilka uppgifter vi har om dig. Du kan ladda ner dem här nedan.',
    'Du har rätt att få fel rättade. Namn och e-post kommer från organisationens konton; be gruppens strateg om annat.',
    'Du har rätt att få uppgifter raderade när de inte längre behövs. Be gruppens strateg; det som står i publicerade minnesanteckningar raderas inte.',
  ],
  complaint:
    'Om du tycker att vi behandlar dina uppgifter fel kan du kontakta kommunens dataskyddsombud, eller lämna ett klagomål till Integritetsskyddsmyndigheten (IMY).',
  imyLink: 'Lämna ett klagomål till IMY',
  opensInNewWindow: '(öppnas i ett nytt fönster)',

  downloadTitle: 'Ladda ner dina uppgifter',
  downloadIntro: 'Du får en fil (JSON) med allt Arbetsrum har om dig, ordnat efter slag av uppgift.',
  download: 'Ladda ner mina uppgifter',
  downloading: 'Hämtar dina uppgifter…',
  downloaded: (file: string) => `Klart: ${file} har laddats ner.`,
  downloadFailed: 'Uppgifterna kunde inte hämtas. Försök igen om en stund.',
};

export type PrivacyStrings = typeof sv;

const en: PrivacyStrings = {
  title: 'Personal data in Arbetsrum',
  intro: (publicBody: string, group: string) =>
    `${publicBody || 'The municipality'} is the controller of the data Arbetsrum processes about you as a member of ${group}. ` +
    'This page says which data it is, why we have it, how long it is kept and what your rights are.',

  whatTitle: 'What Arbetsrum keeps about you',
  what: [
    "Name, work e-mail address, administration or company, and your id in the organisation's Microsoft account (Entra ID).",
    'Which groups you are in and your role there.',
    'What you do in the group: proposals you make, answers to calls and notices, actions you own and your status answers, comments on and approvals of minutes, and that you have reported back.',
    'Where the bot can reach you in Teams, and which messages it has sent you.',
    'Who changed agendas, minutes and members (the change log), which the strategists can see.',
  ],
  whatNot: 'Arbetsrum collects nothing else about you, for example not your calendar or other chats.',

  whyTitle: 'Why',
  why:
    'The group needs the data to do its work: call meetings, collect proposals, keep and send out minutes and follow up what was decided. ' +
    'The legal basis is that processing is necessary for a task carried out in the public interest (Article 6(1)(e) GDPR).',

  keepTitle: 'For how long',
  keep: [
    "As long as you are in the group. When you leave it, the group's strategist can erase your data.",
    "Published minutes, with attendance and actions as published, are public records. They are kept under the Archives Act and the municipality's records management plan and are not erased.",
  ],

  rightsTitle: 'Your rights',
  rights: [
    'You have the right to know which data we have about you. You can download it below.',
    "You have the right to have mistakes corrected. Name and e-mail come from the organisation's accounts; ask the group's strategist about anything else.",
    "You have the right to have data erased when it is no longer needed. Ask the group's strategist; what stands in published minutes is not erased.",
  ],
  complaint:
    "If you think we handle your data wrongly, contact the municipality's data protection officer, or complain to the Swedish Authority for Privacy Protection (IMY).",
  imyLink: 'Complain to IMY',
  opensInNewWindow: '(opens in a new window)',

  downloadTitle: 'Download your data',
  downloadIntro: 'You get a file (JSON) with everything Arbetsrum keeps about you, by kind of record.',
  download: 'Download my data',
  downloading: 'Fetching your data…',
  downloaded: (file: string) => `Done: ${file} has been downloaded.`,
  downloadFailed: 'Your data could not be fetched. Try again in a while.',
};

export function usePrivacyStrings(): PrivacyStrings {
  return useI18n().language === 'en' ? en : sv;
}
