/** Every string of the Representation view, Swedish first. */
import { useI18n } from '../../i18n';
import type { RepresentationMark } from './representation-api';

const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

const sv = {
  title: 'Representation',
  intro:
    'Vilka förvaltningar och bolag som var med på årets möten, med delegat eller ersättare, vilka som lämnade förslag och vilka som äger öppna åtgärder. En förvaltning som saknas vid två möten i rad får en påminnelse till sina delegater.',
  loading: 'Hämtar representationen…',
  empty: (year: number) => `Inga möten har hållits ${year} ännu.`,
  summary: (year: number, meetings: number) => `${year}: ${plural(meetings, 'möte hållet', 'möten hållna')}.`,
  caption: (year: number) => `Representation per möte och organisation ${year}`,
  regionLabel: (year: number) => `Tabell: representation ${year}, rulla i sidled`,
  organisation: 'Organisation',
  own: 'din organisation',
  represented: 'Representerad',
  representedOf: (n: number, of: number) => `${n} av ${of}`,
  bySubstitute: (n: number) => (n > 0 ? `varav ${n} med ersättare` : ''),
  proposals: 'Förslag',
  openActions: 'Öppna åtgärder',
  legendTitle: 'Teckenförklaring',
  symbols: { delegate: 'D', substitute: 'E', absent: '–', unknown: '?' } satisfies Record<RepresentationMark, string>,
  marks: {
    delegate: 'Delegat',
    substitute: 'Ersättare',
    absent: 'Inte representerad',
    unknown: 'Okänt, inget noterat',
  } satisfies Record<RepresentationMark, string>,
  proposalsShort: (n: number) => `${n} f`,
  actionsShort: (n: number) => `${n} å`,
  proposalsLong: (n: number) => plural(n, 'förslag', 'förslag'),
  actionsLong: (n: number) => plural(n, 'öppen åtgärd', 'öppna åtgärder'),
  legendCounts: 'f: förslag till mötet · å: åtgärder från mötet som fortfarande är öppna',
};

export type RepresentationStrings = typeof sv;

const enPlural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

const en: RepresentationStrings = {
  title: 'Representation',
  intro:
    "Which administrations and companies came to this year's meetings, by a delegate or a substitute, which made proposals and which own open actions. An administration missing from two meetings in a row gets a reminder to its delegates.",
  loading: 'Loading the representation…',
  empty: (year) => `No meetings have been held in ${year} yet.`,
  summary: (year, meetings) => `${year}: ${enPlural(meetings, 'meeting held', 'meetings held')}.`,
  caption: (year) => `Representation per meeting and organisation, ${year}`,
  regionLabel: (year) => `Table: representation ${year}, scroll sideways`,
  organisation: 'Organisation',
  own: 'your organisation',
  represented: 'Represented',
  representedOf: (n, of) => `${n} of ${of}`,
  bySubstitute: (n) => (n > 0 ? `${n} by a substitute` : ''),
  proposals: 'Proposals',
  openActions: 'Open actions',
  legendTitle: 'Key',
  symbols: { delegate: 'D', substitute: 'S', absent: '–', unknown: '?' },
  marks: {
    delegate: 'Delegate',
    substitute: 'Substitute',
    absent: 'Not represented',
    unknown: 'Unknown, nothing noted',
  },
  proposalsShort: (n) => `${n} p`,
  actionsShort: (n) => `${n} a`,
  proposalsLong: (n) => enPlural(n, 'proposal', 'proposals'),
  actionsLong: (n) => enPlural(n, 'open action', 'open actions'),
  legendCounts: 'p: proposals for the meeting · a: actions from the meeting still open',
};

export function useRepresentationStrings(): RepresentationStrings {
  return useI18n().language === 'en' ? en : sv;
}
