/** Every string of the Rapporter view, Swedish first. */
import { useI18n } from '../../i18n';
import type { AttendanceMark, GoalFramework, ReportAudience } from './reports-api';

const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

const sv = {
  title: 'Rapporter',
  intro:
    'Sammanställ gruppens arbete under en period till utskottet eller till SDL: möten, närvaro, förslag och beslut, åtgärder, kompetensutveckling och återrapportering. Varje diagram finns också som tabell.',
  form: 'Period och mottagare',
  from: 'Från',
  to: 'Till',
  audience: 'Rapport till',
  committeeFallback: 'utskottet',
  sdl: 'SDL – Stadsdirektörens ledningsgrupp',
  show: 'Visa rapporten',
  fromAfterTo: '”Från” måste vara samma dag som ”Till” eller tidigare.',
  loading: 'Räknar…',
  reportTitle: (audience: ReportAudience, committee: string) =>
    audience === 'sdl' ? 'Rapport till Stadsdirektörens ledningsgrupp (SDL)' : `Rapport till ${committee}`,
  reportIntro: (audience: ReportAudience, group: string, period: string) =>
    audience === 'sdl'
      ? `${group} rapporterar till SDL för perioden ${period}: hur förvaltningarna och bolagen deltagit, vad de föreslagit och beslutat, hur åtgärderna gått och hur delegaterna återrapporterat.`
      : `${group} rapporterar för perioden ${period}: möten, närvaro per organisation, förslag och beslut per organisation och mål, åtgärder, kompetensutveckling och återrapportering.`,
  sections: {
    meetings: 'Möten',
    attendance: 'Närvaro per organisation',
    organisations: 'Förslag och beslut per organisation',
    goals: 'Förslag och beslut per mål',
    actions: 'Åtgärder',
    competence: 'Kompetensutveckling',
    reReporting: 'Återrapportering till förvaltningarna',
  },
  meetingsSummary: (held: number, cancelled: number, upcoming: number) =>
    `${plural(held, 'möte', 'möten')} hölls` +
    (cancelled > 0 ? `, ${cancelled} ställdes in` : '') +
    (upcoming > 0 ? `, ${upcoming} återstår` : '') +
    '.',
  showTable: 'Visa som tabell',
  hideTable: 'Dölj tabellen',
  marks: { delegate: 'D', substitute: 'E', absent: '–', unknown: '?' } satisfies Record<AttendanceMark, string>,
  markWords: { delegate: 'delegat', substitute: 'ersättare', absent: 'inte representerad', unknown: 'okänt' } satisfies Record<
    AttendanceMark,
    string
  >,
  legend: 'D delegat, E ersättare, – inte representerad, ? okänt (inget noterat för mötet).',
  heatDesc: (orgs: number, meetings: number) =>
    `Rutnät med ${plural(orgs, 'organisation', 'organisationer')} som rader och ${plural(meetings, 'möte', 'möten')} som kolumner; i varje ruta D, E, – eller ?.`,
  barDesc: (rows: number) => `Liggande staplar, ${plural(rows, 'rad', 'rader')}, med värdet utskrivet efter varje stapel.`,
  heatScroll: 'Närvaro per möte, rulla i sidled',
  columns: {
    organisation: 'Organisation',
    meeting: 'Möte',
    date: 'Datum',
    represented: 'Representerad',
    bySubstitute: 'Varav av ersättare',
    proposals: 'Förslag',
    decisions: 'Beslut',
    goal: 'Mål',
    count: 'Antal',
    title: 'Titel',
    kind: 'Slag',
    participants: 'Deltagande organisationer',
    reported: 'Möten återrapporterade',
    total: 'Totalt',
  },
  of: (n: number, total: number) => `${n} av ${total}`,
  actionKinds: { opened: 'Öppnade', closed: 'Stängda', overdue: 'Försenade' },
  actionsNote: (asOf: string) => `Öppnade och stängda under perioden; försenade den ${asOf}.`,
  noOrganisation: 'Ingen organisation',
  frameworks: { sdg: 'Globala målen', miljomal: 'Miljökvalitetsmål', local: 'Lokalt mål' } satisfies Record<GoalFramework, string>,
  competenceKinds: {
    lecture: 'Föreläsning',
    film: 'Film',
    study_visit: 'Studiebesök',
    external_guest: 'Extern gäst',
    other: 'Annat',
  } as Record<string, string>,
  noMeetings: 'Inga möten hölls under perioden.',
  noGoals: 'Inga förslag eller beslut under perioden var märkta med mål.',
  noCompetence: 'Inga kompetensaktiviteter under perioden.',
  reReportingSummary: (meetings: number, confirmations: number) =>
    `${plural(meetings, 'möte', 'möten')} med publicerade minnesanteckningar, ${plural(confirmations, 'bekräftelse', 'bekräftelser')} om återrapportering.`,
  document: 'Rapporten som Word-dokument',
  documentLead: 'Dokumentet sparas i gruppens gemensamma arbetsrum under Rapporter och kan skickas med e-post.',
  mailGroup: 'Skicka till gruppens medlemmar',
  addresses: 'Fler mottagare (e-postadresser, skilda med komma)',
  create: 'Skapa rapport (.docx)',
  creating: 'Skapar rapporten…',
  badAddresses: 'Kontrollera e-postadresserna: skriv dem skilda med komma.',
  stored: (fileName: string) => `Rapporten är sparad: ${fileName}.`,
  open: 'Öppna rapporten',
  mailed: (n: number) => `Skickad till ${plural(n, 'mottagare', 'mottagare')}.`,
  mailFailed: 'Rapporten är sparad, men e-postmeddelandet kunde inte skickas. Försök igen eller dela länken.',
};

export type ReportsStrings = typeof sv;

const en: ReportsStrings = {
  title: 'Reports',
  intro:
    "Sum up the group's work over a period for the committee or for SDL: meetings, attendance, proposals and decisions, actions, competence development and reporting back. Every chart is also a table.",
  form: 'Period and audience',
  from: 'From',
  to: 'To',
  audience: 'Report to',
  committeeFallback: 'the committee',
  sdl: "SDL – the City Director's management group",
  show: 'Show the report',
  fromAfterTo: '“From” must be the same day as “To” or earlier.',
  loading: 'Counting…',
  reportTitle: (audience, committee) =>
    audience === 'sdl' ? "Report to the City Director's management group (SDL)" : `Report to ${committee}`,
  reportIntro: (audience, group, period) =>
    audience === 'sdl'
      ? `${group} reports to SDL for ${period}: how the administrations and companies took part, what they proposed and decided, how the actions went and how the delegates reported back.`
      : `${group} reports for ${period}: meetings, attendance per organisation, proposals and decisions per organisation and goal, actions, competence development and reporting back.`,
  sections: {
    meetings: 'Meetings',
    attendance: 'Attendance per organisation',
    organisations: 'Proposals and decisions per organisation',
    goals: 'Proposals and decisions per goal',
    actions: 'Actions',
    competence: 'Competence development',
    reReporting: 'Reporting back to the administrations',
  },
  meetingsSummary: (held, cancelled, upcoming) =>
    `${plural(held, 'meeting', 'meetings')} held` +
    (cancelled > 0 ? `, ${cancelled} cancelled` : '') +
    (upcoming > 0 ? `, ${upcoming} still to come` : '') +
    '.',
  showTable: 'Show as a table',
  hideTable: 'Hide the table',
  marks: { delegate: 'D', substitute: 'S', absent: '–', unknown: '?' },
  markWords: { delegate: 'delegate', substitute: 'substitute', absent: 'not represented', unknown: 'unknown' },
  legend: 'D delegate, S substitute, – not represented, ? unknown (nothing noted for the meeting).',
  heatDesc: (orgs, meetings) =>
    `A grid of ${plural(orgs, 'organisation', 'organisations')} as rows and ${plural(meetings, 'meeting', 'meetings')} as columns; D, S, – or ? in each cell.`,
  barDesc: (rows) => `Horizontal bars, ${plural(rows, 'row', 'rows')}, each value written after its bar.`,
  heatScroll: 'Attendance per meeting, scroll sideways',
  columns: {
    organisation: 'Organisation',
    meeting: 'Meeting',
    date: 'Date',
    represented: 'Represented',
    bySubstitute: 'Of which by substitute',
    proposals: 'Proposals',
    decisions: 'Decisions',
    goal: 'Goal',
    count: 'Count',
    title: 'Title',
    kind: 'Kind',
    participants: 'Taking part',
    reported: 'Meetings reported back',
    total: 'Total',
  },
  of: (n, total) => `${n} of ${total}`,
  actionKinds: { opened: 'Opened', closed: 'Closed', overdue: 'Overdue' },
  actionsNote: (asOf) => `Opened and closed in the period; overdue on ${asOf}.`,
  noOrganisation: 'No organisation',
  frameworks: { sdg: 'Global Goals', miljomal: 'Environmental objective', local: 'Local goal' },
  competenceKinds: { lecture: 'Lecture', film: 'Film', study_visit: 'Study visit', external_guest: 'External guest', other: 'Other' },
  noMeetings: 'No meetings were held in the period.',
  noGoals: 'No proposal or decision in the period was tagged with a goal.',
  noCompetence: 'No competence activities in the period.',
  reReportingSummary: (meetings, confirmations) =>
    `${plural(meetings, 'meeting', 'meetings')} with published minutes, ${plural(confirmations, 'confirmation', 'confirmations')} of reporting back.`,
  document: 'The report as a Word document',
  documentLead: "The document is stored in the group's shared workspace under Rapporter and can be sent by mail.",
  mailGroup: "Send to the group's members",
  addresses: 'More recipients (mail addresses, separated by commas)',
  create: 'Create report (.docx)',
  creating: 'Creating the report…',
  badAddresses: 'Check the mail addresses: separate them with commas.',
  stored: (fileName) => `The report is stored: ${fileName}.`,
  open: 'Open the report',
  mailed: (n) => `Sent to ${plural(n, 'recipient', 'recipients')}.`,
  mailFailed: 'The report is stored, but the mail could not be sent. Try again or share the link.',
};

export function useReportsStrings(): ReportsStrings {
  return useI18n().language === 'en' ? en : sv;
}
