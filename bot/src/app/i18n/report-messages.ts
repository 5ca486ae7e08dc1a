/** Every word of the report document and its mail, Swedish first (the tab has its own copy in tab/src/views/reports). */
import type { ReportAudience } from '../../domain/report';
import type { RepresentationMark } from '../../domain/representation';
import type { Locale } from './locale';

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

const sv = {
  title: (audience: ReportAudience, committee: string) =>
    audience === 'sdl' ? 'Rapport till Stadsdirektörens ledningsgrupp (SDL)' : `Rapport till ${committee}`,
  intro: (audience: ReportAudience, group: string, period: string) =>
    audience === 'sdl'
      ? `${group} rapporterar till SDL för perioden ${period}: hur förvaltningarna och bolagen deltagit, vad de föreslagit och beslutat, hur åtgärderna gått och hur delegaterna återrapporterat till sina förvaltningar.`
      : `${group} rapporterar för perioden ${period}: möten, närvaro per organisation, förslag och beslut per organisation och per mål, åtgärder, kompetensutveckling och återrapportering till förvaltningarna.`,
  period: 'Period',
  generated: 'Sammanställd',
  group: 'Grupp',
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
    `${plural(held, 'möte', 'möten')} hölls under perioden` +
    (cancelled > 0 ? `, ${plural(cancelled, 'möte', 'möten')} ställdes in` : '') +
    (upcoming > 0 ? `, ${plural(upcoming, 'möte', 'möten')} återstår` : '') +
    '.',
  marks: { delegate: 'D', substitute: 'E', absent: '–', unknown: '?' } satisfies Record<RepresentationMark, string>,
  markWords: { delegate: 'delegat', substitute: 'ersättare', absent: 'inte representerad', unknown: 'okänt' } satisfies Record<
    RepresentationMark,
    string
  >,
  legend: 'D delegat, E ersättare, – inte representerad, ? okänt (inget noterat för mötet)',
  heatMapDesc: (organisations: number, meetings: number) =>
    `Rutnät med ${plural(organisations, 'organisation', 'organisationer')} som rader och ${plural(meetings, 'möte', 'möten')} som kolumner. I varje ruta: D delegat, E ersättare, – inte representerad, ? okänt. Samma uppgifter finns i tabellen efter bilden.`,
  barDesc: (what: string, rows: number) =>
    `Liggande staplar, ${plural(rows, 'rad', 'rader')}: ${what}. Varje stapel har sitt värde utskrivet; samma uppgifter finns i tabellen efter bilden.`,
  columns: {
    organisation: 'Organisation',
    represented: 'Representerad',
    bySubstitute: 'Varav av ersättare',
    proposals: 'Förslag',
    decisions: 'Beslut',
    goal: 'Mål',
    kind: 'Slag',
    count: 'Antal',
    date: 'Datum',
    title: 'Titel',
    participants: 'Deltagande organisationer',
    activities: 'Aktiviteter',
    meetingsReported: 'Möten återrapporterade',
    total: 'Totalt',
    meeting: 'Möte',
  },
  representedOf: (represented: number, known: number) => `${represented} av ${known}`,
  actionKinds: { opened: 'Öppnade', closed: 'Stängda', overdue: 'Försenade' },
  actionsDesc: (asOf: string) => `Öppnade och stängda under perioden; försenade den ${asOf} (klart senast har passerat, inte klara).`,
  noOrganisation: 'Ingen organisation',
  frameworks: { sdg: 'Globala målen', miljomal: 'Miljökvalitetsmål', local: 'Lokalt mål' },
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
    `${plural(meetings, 'möte', 'möten')} med publicerade minnesanteckningar; ${plural(confirmations, 'bekräftelse', 'bekräftelser')} om återrapportering.`,
  mail: {
    subject: (title: string, period: string) => `${title}, ${period}`,
    body: 'Rapporten finns som bilaga och i gruppens gemensamma arbetsrum:',
    open: 'Öppna rapporten',
  },
};

export type ReportMessages = typeof sv;

const en: ReportMessages = {
  title: (audience, committee) => (audience === 'sdl' ? "Report to the City Director's management group (SDL)" : `Report to ${committee}`),
  intro: (audience, group, period) =>
    audience === 'sdl'
      ? `${group} reports to SDL for ${period}: how the administrations and companies took part, what they proposed and decided, how the actions went, and how the delegates reported back to their administrations.`
      : `${group} reports for ${period}: meetings, attendance per organisation, proposals and decisions per organisation and per goal, actions, competence development and reporting back to the administrations.`,
  period: 'Period',
  generated: 'Compiled',
  group: 'Group',
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
    `${plural(held, 'meeting', 'meetings')} held in the period` +
    (cancelled > 0 ? `, ${plural(cancelled, 'meeting', 'meetings')} cancelled` : '') +
    (upcoming > 0 ? `, ${plural(upcoming, 'meeting', 'meetings')} still to come` : '') +
    '.',
  marks: { delegate: 'D', substitute: 'S', absent: '–', unknown: '?' },
  markWords: { delegate: 'delegate', substitute: 'substitute', absent: 'not represented', unknown: 'unknown' },
  legend: 'D delegate, S substitute, – not represented, ? unknown (nothing noted for the meeting)',
  heatMapDesc: (organisations, meetings) =>
    `A grid of ${plural(organisations, 'organisation', 'organisations')} as rows and ${plural(meetings, 'meeting', 'meetings')} as columns. In each cell: D delegate, S substitute, – not represented, ? unknown. The table after the picture holds the same.`,
  barDesc: (what, rows) =>
    `Horizontal bars, ${plural(rows, 'row', 'rows')}: ${what}. Each bar has its value written out; the table after the picture holds the same.`,
  columns: {
    organisation: 'Organisation',
    represented: 'Represented',
    bySubstitute: 'Of which by substitute',
    proposals: 'Proposals',
    decisions: 'Decisions',
    goal: 'Goal',
    kind: 'Kind',
    count: 'Count',
    date: 'Date',
    title: 'Title',
    participants: 'Taking part',
    activities: 'Activities',
    meetingsReported: 'Meetings reported back',
    total: 'Total',
    meeting: 'Meeting',
  },
  representedOf: (represented, known) => `${represented} of ${known}`,
  actionKinds: { opened: 'Opened', closed: 'Closed', overdue: 'Overdue' },
  actionsDesc: (asOf) => `Opened and closed in the period; overdue on ${asOf} (due date passed, not done).`,
  noOrganisation: 'No organisation',
  frameworks: { sdg: 'Global Goals', miljomal: 'Environmental objective', local: 'Local goal' },
  competenceKinds: { lecture: 'Lecture', film: 'Film', study_visit: 'Study visit', external_guest: 'External guest', other: 'Other' },
  noMeetings: 'No meetings were held in the period.',
  noGoals: 'No proposal or decision in the period was tagged with a goal.',
  noCompetence: 'No competence activities in the period.',
  reReportingSummary: (meetings, confirmations) =>
    `${plural(meetings, 'meeting', 'meetings')} with published minutes; ${plural(confirmations, 'confirmation', 'confirmations')} of reporting back.`,
  mail: {
    subject: (title, period) => `${title}, ${period}`,
    body: "The report is attached and in the group's shared workspace:",
    open: 'Open the report',
  },
};

export function reportMessages(locale: Locale): ReportMessages {
  return locale === 'en' ? en : sv;
}
