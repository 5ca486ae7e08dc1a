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
  component: LazyExoticComponent<ComponentType<ViewProps>>;
}

export const OVERVIEW_LABEL: Record<Language, string> = { sv: 'Översikt', en: 'Overview' };

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
];
