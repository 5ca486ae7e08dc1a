/** Every string of the Mål view and the goal picker, Swedish first. */
import { useI18n } from '../../i18n';
import type { GoalFramework, TaggedKind } from './goals-api';

const sv = {
  title: 'Mål',
  intro:
    'Hur gruppens förslag, punkter, beslut och åtgärder hänger ihop med de globala målen, miljökvalitetsmålen och de lokala målen. Välj ett mål för att se vad som hör till det.',
  loading: 'Hämtar målen …',
  frameworks: { sdg: 'Globala målen', miljomal: 'Miljökvalitetsmål', local: 'Lokala mål' } satisfies Record<GoalFramework, string>,
  frameworkShort: { sdg: 'Globalt mål', miljomal: 'Miljökvalitetsmål', local: 'Lokalt mål' } satisfies Record<GoalFramework, string>,
  kinds: { proposal: 'Förslag', agendaItem: 'Punkter', decision: 'Beslut', action: 'Åtgärder' } satisfies Record<TaggedKind, string>,
  goalColumn: 'Mål',
  filtersLabel: 'Urval',
  frameworkFilter: 'Målområde',
  allFrameworks: 'Alla målområden',
  hideZero: 'Visa bara mål med något kopplat',
  from: 'Från',
  to: 'Till',
  showPeriod: 'Visa perioden',
  allTime: 'Hela tiden',
  periodShown: (from: string, to: string) => `Visar ${from} – ${to}.`,
  allTimeShown: 'Visar allt, oavsett datum.',
  periodBoth: 'Ange både från- och till-datum.',
  noGoals: 'Inga mål att visa med det här urvalet.',
  retired: 'avslutat',
  showGoal: (name: string) => `Visa vad som hör till ${name}`,
  detailLoading: 'Hämtar listorna …',
  close: 'Stäng',
  nothingOfKind: 'Inget.',
  meetingOn: (title: string, date: string) => `${title}, ${date}`,
  submittedOn: (date: string) => `inlämnat ${date}`,
  inheritedFrom: { proposal: 'från förslaget', agendaItem: 'från punkten' } as Record<string, string>,
  // Tagging (strategists)
  tagTitle: 'Koppla punkter och åtgärder till mål',
  tagIntro:
    'En punkt som kommer från ett förslag har förslagets mål tills ni väljer andra. En åtgärd har sin punkts mål tills ni väljer andra. Beslut räknas under sin punkts mål.',
  meetingSelect: 'Möte',
  noTaggable: 'Inga punkter eller åtgärder under perioden.',
  noneChosen: 'Inga mål',
  chooseGoals: 'Välj mål',
  chooseGoalsFor: (title: string) => `Välj mål för ”${title}”`,
  actionLabel: (title: string) => `Åtgärd: ${title}`,
  saved: (title: string) => `Målen för ”${title}” är sparade.`,
  // Picker
  pickerHint: (max: number) => `Välj upp till ${max} mål.`,
  pickerFull: (max: number) => `Du har valt ${max} mål, det är högsta antalet.`,
  save: 'Spara',
  cancel: 'Avbryt',
  follow: { agendaItem: 'Följ förslaget igen', action: 'Följ punkten igen' } as Record<'agendaItem' | 'action', string>,
  // Local goals (strategists)
  localTitle: 'Gruppens lokala mål',
  localIntro: 'Ett avslutat mål går inte att välja längre, men det som redan hör till det räknas fortfarande.',
  newGoal: 'Nytt lokalt mål',
  add: 'Lägg till',
  rename: 'Nytt namn',
  saveName: 'Spara namnet',
  retire: 'Avsluta',
  restore: 'Återställ',
  localChanged: 'Ändringen är sparad.',
  noLocal: 'Gruppen har inga egna mål ännu.',
};

export type GoalsStrings = typeof sv;

const en: GoalsStrings = {
  title: 'Goals',
  intro:
    "How the group's proposals, items, decisions and actions relate to the Global Goals, the Swedish environmental objectives and the local goals. Pick a goal to see what belongs to it.",
  loading: 'Loading goals …',
  frameworks: { sdg: 'Global Goals', miljomal: 'Environmental objectives', local: 'Local goals' },
  frameworkShort: { sdg: 'Global Goal', miljomal: 'Environmental objective', local: 'Local goal' },
  kinds: { proposal: 'Proposals', agendaItem: 'Items', decision: 'Decisions', action: 'Actions' },
  goalColumn: 'Goal',
  filtersLabel: 'Selection',
  frameworkFilter: 'Framework',
  allFrameworks: 'All frameworks',
  hideZero: 'Only goals with something linked',
  from: 'From',
  to: 'To',
  showPeriod: 'Show period',
  allTime: 'All time',
  periodShown: (from, to) => `Showing ${from} – ${to}.`,
  allTimeShown: 'Showing everything, whatever the date.',
  periodBoth: 'Give both a from and a to date.',
  noGoals: 'No goals to show with this selection.',
  retired: 'retired',
  showGoal: (name) => `Show what belongs to ${name}`,
  detailLoading: 'Loading the lists …',
  close: 'Close',
  nothingOfKind: 'Nothing.',
  meetingOn: (title, date) => `${title}, ${date}`,
  submittedOn: (date) => `submitted ${date}`,
  inheritedFrom: { proposal: 'from the proposal', agendaItem: 'from the item' },
  tagTitle: 'Link items and actions to goals',
  tagIntro:
    "An item from a proposal has the proposal's goals until you choose others. An action has its item's goals until you choose others. Decisions count under their item's goals.",
  meetingSelect: 'Meeting',
  noTaggable: 'No items or actions in the period.',
  noneChosen: 'No goals',
  chooseGoals: 'Choose goals',
  chooseGoalsFor: (title) => `Choose goals for “${title}”`,
  actionLabel: (title) => `Action: ${title}`,
  saved: (title) => `The goals of “${title}” are saved.`,
  pickerHint: (max) => `Choose up to ${max} goals.`,
  pickerFull: (max) => `You have chosen ${max} goals, the most there can be.`,
  save: 'Save',
  cancel: 'Cancel',
  follow: { agendaItem: 'Follow the proposal again', action: 'Follow the item again' },
  localTitle: "The group's local goals",
  localIntro: 'A retired goal can no longer be chosen, but what already belongs to it still counts.',
  newGoal: 'New local goal',
  add: 'Add',
  rename: 'New name',
  saveName: 'Save name',
  retire: 'Retire',
  restore: 'Restore',
  localChanged: 'The change is saved.',
  noLocal: 'The group has no goals of its own yet.',
};

export function useGoalsStrings(): GoalsStrings {
  return useI18n().language === 'en' ? en : sv;
}

/** "Globalt mål 13: Bekämpa klimatförändringarna". */
export function goalLabel(s: GoalsStrings, goal: { framework: GoalFramework; number: number; name: string }): string {
  return `${s.frameworkShort[goal.framework]} ${goal.number}: ${goal.name}`;
}
