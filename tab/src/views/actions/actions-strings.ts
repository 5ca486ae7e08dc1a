/** Every string of the Åtgärder view, Swedish first (the åtgärdslista: Åtgärd – Ansvarig – Klart senast – Status). */
import { useI18n } from '../../i18n';
import type { ActionStatus, StatusFilter } from './actions-api';

const svPlural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

const SV_STATUSES: Record<ActionStatus, string> = { open: 'Ej påbörjad', in_progress: 'Pågår', blocked: 'Hinder', done: 'Klar' };
const EN_STATUSES: Record<ActionStatus, string> = { open: 'Not started', in_progress: 'In progress', blocked: 'Blocked', done: 'Done' };

const sv = {
  title: 'Åtgärder',
  intro:
    'Gruppens åtgärder från alla möten med publicerade minnesanteckningar. Försenade åtgärder står först. Välj en åtgärd för att se vad som hänt med den.',
  loading: 'Hämtar åtgärderna…',
  filters: 'Filtrera åtgärderna',
  status: 'Status',
  owner: 'Ansvarig',
  organisation: 'Förvaltning',
  meeting: 'Beslutad på',
  overdueOnly: 'Bara försenade',
  all: 'Alla',
  notDone: 'Ej klara',
  clearFilters: 'Visa alla åtgärder',
  statuses: SV_STATUSES,
  statusFilter: (f: StatusFilter): string => (f === 'not_done' ? 'Ej klara' : SV_STATUSES[f]),
  columns: { action: 'Åtgärd', owner: 'Ansvarig', organisation: 'Förvaltning', due: 'Klart senast', status: 'Status' },
  tableLabel: 'Åtgärdslista',
  showing: (shown: number, total: number) =>
    shown === total ? `${svPlural(total, 'åtgärd', 'åtgärder')} visas.` : `${shown} av ${svPlural(total, 'åtgärd', 'åtgärder')} visas.`,
  overdueCount: (n: number) => (n > 0 ? ` ${n} ${n === 1 ? 'försenad' : 'försenade'}.` : ''),
  empty: 'Det finns inga åtgärder från publicerade minnesanteckningar ännu.',
  noMatch: 'Inga åtgärder matchar filtren.',
  overdue: 'Försenad',
  noOwner: 'Ingen ansvarig',
  unknownPerson: 'Okänd person',
  noDue: 'Inget datum',
  open: (title: string) => `Visa ${title}`,
  // The details dialog.
  detailsLoading: 'Hämtar åtgärden…',
  decidedAt: (meeting: string) => `Beslutad på ${meeting}`,
  latestAnswer: 'Senaste svar',
  noAnswer: 'Inget svar på statusfrågan ännu.',
  history: 'Historik',
  historyDecided: (meeting: string) => `Beslutades på ${meeting}.`,
  historyAnswered: (who: string, status: string, meeting: string | null) =>
    `${who} svarade ${status}${meeting ? ` inför ${meeting}` : ''}.`,
  historyChanged: (who: string) => `${who} ändrade`,
  historyStatus: (from: string, to: string) => `status från ${from} till ${to}`,
  historyDue: (from: string, to: string) => `klart senast från ${from} till ${to}`,
  historyOwner: (from: string, to: string) => `ansvarig från ${from} till ${to}`,
  system: 'Arbetsrum',
  edit: 'Ändra',
  editIntro: 'Du som är ansvarig kan ändra statusen. Hållbarhetsstrategerna kan också ändra datum och ansvarig.',
  dueDate: 'Klart senast',
  dueHint: 'Till exempel 2026-05-31. Tomt: inget datum.',
  dueInvalid: 'Skriv ett datum som 2026-05-31.',
  save: 'Spara',
  saving: 'Sparar…',
  saved: 'Ändringen är sparad.',
  close: 'Stäng',
  cancel: 'Avbryt',
  forbidden: 'Du får inte ändra det här. Ansvarig får ändra status; hållbarhetsstrategerna får ändra allt.',
  changeFailed: 'Ändringen sparades inte.',
};

export type ActionsStrings = typeof sv;

const enPlural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

const en: ActionsStrings = {
  title: 'Actions',
  intro:
    "The group's actions from every meeting whose minutes are published. Overdue actions come first. Choose an action to see what happened to it.",
  loading: 'Loading the actions…',
  filters: 'Filter the actions',
  status: 'Status',
  owner: 'Owner',
  organisation: 'Organisation',
  meeting: 'Decided at',
  overdueOnly: 'Overdue only',
  all: 'All',
  notDone: 'Not done',
  clearFilters: 'Show all actions',
  statuses: EN_STATUSES,
  statusFilter: (f) => (f === 'not_done' ? 'Not done' : EN_STATUSES[f]),
  columns: { action: 'Action', owner: 'Owner', organisation: 'Organisation', due: 'Due', status: 'Status' },
  tableLabel: 'Action list',
  showing: (shown, total) =>
    shown === total ? `${enPlural(total, 'action', 'actions')} shown.` : `${shown} of ${enPlural(total, 'action', 'actions')} shown.`,
  overdueCount: (n) => (n > 0 ? ` ${n} overdue.` : ''),
  empty: 'There are no actions from published minutes yet.',
  noMatch: 'No actions match the filters.',
  overdue: 'Overdue',
  noOwner: 'No owner',
  unknownPerson: 'Unknown person',
  noDue: 'No date',
  open: (title) => `Show ${title}`,
  detailsLoading: 'Loading the action…',
  decidedAt: (meeting) => `Decided at ${meeting}`,
  latestAnswer: 'Latest answer',
  noAnswer: 'No answer to the status request yet.',
  history: 'History',
  historyDecided: (meeting) => `Decided at ${meeting}.`,
  historyAnswered: (who, status, meeting) => `${who} answered ${status}${meeting ? ` before ${meeting}` : ''}.`,
  historyChanged: (who) => `${who} changed`,
  historyStatus: (from, to) => `the status from ${from} to ${to}`,
  historyDue: (from, to) => `the due date from ${from} to ${to}`,
  historyOwner: (from, to) => `the owner from ${from} to ${to}`,
  system: 'Arbetsrum',
  edit: 'Change',
  editIntro: 'As the owner you can change the status. The sustainability strategists can also change the date and the owner.',
  dueDate: 'Due',
  dueHint: 'For example 2026-05-31. Empty: no date.',
  dueInvalid: 'Write a date like 2026-05-31.',
  save: 'Save',
  saving: 'Saving…',
  saved: 'The change is saved.',
  close: 'Close',
  cancel: 'Cancel',
  forbidden: 'You may not change this. The owner may change the status; the sustainability strategists may change everything.',
  changeFailed: 'The change was not saved.',
};

export function useActionsStrings(): ActionsStrings {
  return useI18n().language === 'en' ? en : sv;
}
