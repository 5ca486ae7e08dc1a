/**
 * The tab's views, in navigation order. Every view but the overview is loaded on first use (its
 * own chunk), so the first view stays small. `strategistsOnly` hides a view from the navigation
 * for everyone else; the API refuses their calls anyway.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Language } from '../i18n';
import type { ViewKey } from '../route';
import type { ViewProps } from './view-props';

export interface ViewEntry {
  key: Exclude<ViewKey, 'overview'>;
  label: Record<Language, string>;
  strategistsOnly: boolean;
  /** In the navigation bar; otherwise reached by a link (the accessibility statement). */
  inNavigation: boolean;
  /**
   * In the bar's *Uppföljning* menu rather than as a tab of its own: the follow-up views are many,
   * and a bar of fourteen tabs would wrap onto three lines in a side panel.
   */
  inFollowUpMenu?: boolean;
  component: LazyExoticComponent<ComponentType<ViewProps>>;
}

export const OVERVIEW_LABEL: Record<Language, string> = { sv: 'Översikt', en: 'Overview' };
export const FOLLOW_UP_LABEL: Record<Language, string> = { sv: 'Uppföljning', en: 'Follow-up' };

export const VIEWS: readonly ViewEntry[] = [
  {
    key: 'plan',
    label: { sv: 'Mötesplan', en: 'Meeting plan' },
    strategistsOnly: false,
    inNavigation: true,
    component: lazy(() => import('./plan/plan-view')),
  },
  {
    key: 'meeting',
    label: { sv: 'Möte', en: 'Meeting' },
    strategistsOnly: true,
    inNavigation: true,
    component: lazy(() => import('./meeting/meeting-view')),
  },
  {
    key: 'minutes',
    label: { sv: 'Minnesanteckningar', en: 'Minutes' },
    strategistsOnly: false,
    inNavigation: true,
    component: lazy(() => import('./minutes/minutes-view')),
  },
  {
    key: 'proposals',
    label: { sv: 'Förslag', en: 'Proposals' },
    strategistsOnly: false,
    inNavigation: true,
    component: lazy(() => import('./proposals/proposals-view')),
  },
  {
    key: 'actions',
    label: { sv: 'Åtgärder', en: 'Actions' },
    strategistsOnly: false,
    inNavigation: true,
    component: lazy(() => import('./actions/actions-view')),
  },
  {
    key: 'members',
    label: { sv: 'Medlemmar', en: 'Members' },
    strategistsOnly: false,
    inNavigation: true,
    component: lazy(() => import('./members/members-view')),
  },
  {
    key: 'changes',
    label: { sv: 'Ändringslogg', en: 'Change log' },
    strategistsOnly: true,
    inNavigation: true,
    component: lazy(() => import('./changes/changes-view')),
  },
  {
    key: 'goals',
    label: { sv: 'Mål', en: 'Goals' },
    strategistsOnly: false,
    inNavigation: true,
    inFollowUpMenu: true,
    component: lazy(() => import('./goals/goals-view')),
  },
  {
    key: 'representation',
    label: { sv: 'Representation', en: 'Representation' },
    strategistsOnly: false,
    inNavigation: true,
    inFollowUpMenu: true,
    component: lazy(() => import('./representation/representation-view')),
  },
  {
    key: 'subgroups',
    label: { sv: 'Delgrupper', en: 'Sub-groups' },
    strategistsOnly: false,
    inNavigation: true,
    inFollowUpMenu: true,
    component: lazy(() => import('./subgroups/subgroups-view')),
  },
  {
    key: 'competence',
    label: { sv: 'Kompetensutveckling', en: 'Competence development' },
    strategistsOnly: false,
    inNavigation: true,
    inFollowUpMenu: true,
    component: lazy(() => import('./competence/competence-view')),
  },
  {
    key: 'reports',
    label: { sv: 'Rapporter', en: 'Reports' },
    strategistsOnly: true,
    inNavigation: true,
    inFollowUpMenu: true,
    component: lazy(() => import('./reports/reports-view')),
  },
  {
    key: 'tips',
    label: { sv: 'Omvärldsbevakning', en: 'Horizon scanning' },
    strategistsOnly: false,
    inNavigation: true,
    inFollowUpMenu: true,
    component: lazy(() => import('./tips/tips-view')),
  },
  {
    key: 'accessibility',
    label: { sv: 'Tillgänglighetsredogörelse', en: 'Accessibility statement' },
    strategistsOnly: false,
    inNavigation: false,
    component: lazy(() => import('./accessibility/accessibility-view')),
  },
  {
    key: 'privacy',
    label: { sv: 'Personuppgifter', en: 'Personal data' },
    strategistsOnly: false,
    inNavigation: false,
    component: lazy(() => import('./privacy/privacy-view')),
  },
  {
    key: 'search',
    label: { sv: 'Sök', en: 'Search' },
    strategistsOnly: false,
    // Reached from the search box in the header, on every view.
    inNavigation: false,
    component: lazy(() => import('./search/search-view')),
  },
];
