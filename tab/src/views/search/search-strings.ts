/** Every string of the search box and the results view, Swedish first. */
import { useI18n } from '../../i18n';
import type { SearchKind } from './search-api';

const svHits = (n: number): string => (n === 1 ? '1 träff' : `${n} träffar`);
const enHits = (n: number): string => (n === 1 ? '1 result' : `${n} results`);

const sv = {
  boxLabel: 'Sök i gruppen',
  boxPlaceholder: 'Sök förslag, beslut, åtgärder …',
  submit: 'Sök',
  tooShort: 'Skriv minst två tecken.',
  title: 'Sök',
  intro: 'Sök bland gruppens förslag, punkter på dagordningar, beslut, minnesanteckningar och åtgärder.',
  empty:
    'Skriv det du letar efter i sökrutan högst upp och tryck Enter. Det räcker med början av ett ord: ”klimat” hittar också ”klimatanpassning”.',
  loading: 'Söker …',
  none: (q: string) => `Inga träffar för ”${q}”. Pröva ett annat ord, eller bara början av ordet.`,
  summary: (n: number, q: string) => `${svHits(n)} för ”${q}”`,
  kinds: {
    proposal: 'Förslag',
    item: 'Punkter på dagordningen',
    decision: 'Beslut',
    minutes: 'Minnesanteckningar',
    action: 'Åtgärder',
  } satisfies Record<SearchKind, string>,
  draft: 'Utkast',
  meeting: (title: string, date: string) => `${title}, ${date}`,
  noMeeting: 'Inget möte valt ännu',
};

export type SearchStrings = typeof sv;

const en: SearchStrings = {
  boxLabel: 'Search the group',
  boxPlaceholder: 'Search proposals, decisions, actions …',
  submit: 'Search',
  tooShort: 'Type at least two characters.',
  title: 'Search',
  intro: "Search the group's proposals, agenda items, decisions, minutes and actions.",
  empty: 'Type what you are looking for in the search box at the top and press Enter. The start of a word is enough.',
  loading: 'Searching …',
  none: (q) => `No results for “${q}”. Try another word, or just the start of the word.`,
  summary: (n, q) => `${enHits(n)} for “${q}”`,
  kinds: {
    proposal: 'Proposals',
    item: 'Agenda items',
    decision: 'Decisions',
    minutes: 'Minutes',
    action: 'Actions',
  },
  draft: 'Draft',
  meeting: (title, date) => `${title}, ${date}`,
  noMeeting: 'No meeting chosen yet',
};

export function useSearchStrings(): SearchStrings {
  return useI18n().language === 'en' ? en : sv;
}
