/** After sign-in: who am I, which group, and that group's overview for the chosen year. */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import type { ApiClient, ApiError } from './api';
import type { GroupOverview } from './api-types';
import { useI18n } from './i18n';
import { currentStockholmYear } from './i18n/format-dates';
import { useRoute } from './route';
import type { SignedInPreloads } from './preload';
import { pickGroup, rememberGroupId, rememberedGroupId } from './remembered-group';
import type { FrameContext, TabConfig } from './teams-host';
import { useResource } from './use-resource';
import { AppHeader } from './views/app-header';
import { BrandBar } from './views/brand-bar';
import { OverviewView } from './views/overview-view';
import { EmptyState, ErrorState, LoadingState } from './views/status-views';
import { useSharedStyles } from './shared-styles';
import { MySection } from './views/my-status/my-status-section';
import { ViewErrorBoundary } from './views/view-error-boundary';
import { ViewNav } from './views/view-nav';
import { VIEWS } from './views/view-registry';
import { setSearchQuery } from './views/search/search-query';

const useStyles = makeStyles({
  view: { flexGrow: 1, paddingBlock: tokens.spacingVerticalXL, ':focus': { outlineStyle: 'none' } },
  footer: {
    paddingBlock: tokens.spacingVerticalL,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
  },
  footerLinks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS },
});

const PanelView = lazy(() => import('./views/panel/panel-view'));
// Only on the configuration page Teams shows when the tab is added to a channel.
const TabConfigView = lazy(() => import('./views/config/tab-config-view').then((m) => ({ default: m.TabConfigView })));

export function SignedInApp({
  api,
  frame = 'content',
  configureTab = () => undefined,
  onUnauthorized,
  onSignOut,
  onOpenLink,
  focusHeading = false,
  preloads,
}: {
  api: ApiClient;
  /** Where Teams shows the page: the configuration page and the meeting side panel get their own layout. */
  frame?: FrameContext;
  configureTab?: (config: TabConfig | null) => void;
  /** The token is missing or expired (401). */
  onUnauthorized: (error: ApiError) => void;
  /** Only in local mode, where the dev sign-in can pick someone else. */
  onSignOut?: (() => void) | undefined;
  onOpenLink: (url: string) => void;
  /** Move focus to the h1 once it appears (after signing in). */
  focusHeading?: boolean;
  /** The first view's calls, already made with the same token (preload.ts). */
  preloads?: SignedInPreloads | undefined;
}) {
  const { t, language } = useI18n();
  const shared = useSharedStyles();
  const styles = useStyles();
  const [route, navigate] = useRoute();
  // The preloaded "Mitt läge" belongs to the page as it first opens: after a visit to another
  // view (where things may have changed), the section asks again.
  const onFirstView = useRef(route.view === 'overview');
  if (route.view !== 'overview') onFirstView.current = false;
  const me = useResource((signal) => api.getMe(signal), [api], preloads?.me);
  const [chosenGroupId, setChosenGroupId] = useState<string | null>(rememberedGroupId);
  const currentYear = currentStockholmYear();
  // Null until the person picks a year: the server then opens the year of the next meeting.
  const [chosenYear, setYear] = useState<number | null>(null);

  const groups = me.data?.groups ?? [];
  const group = pickGroup(groups, chosenGroupId);
  // The preloaded calls are for the group opened first, in the server's choice of year.
  const groupPreloads = preloads?.group();
  const preloaded = group && chosenYear === null && groupPreloads?.groupId === group.id ? groupPreloads : undefined;

  const overview = useResource<GroupOverview | undefined>(
    (signal) => (group ? api.getGroupOverview(group.id, chosenYear, signal) : Promise.resolve(undefined)),
    [api, group?.id, chosenYear],
    preloaded?.overview,
  );

  const unauthorized = [me.error, overview.error].find((e) => e?.kind === 'unauthorized');
  useEffect(() => {
    if (unauthorized) onUnauthorized(unauthorized);
  }, [unauthorized, onUnauthorized]);

  if (!me.data) {
    return (
      <>
        <BrandBar />
        <main id="main" tabIndex={-1} className={shared.page}>
          {me.error ? <ErrorState error={me.error} onRetry={me.reload} /> : <LoadingState label={t.groups.loading} />}
        </main>
      </>
    );
  }

  if (frame === 'settings') {
    return (
      <Suspense fallback={<LoadingState label={t.groups.loading} />}>
        <TabConfigView me={me.data} configureTab={configureTab} />
      </Suspense>
    );
  }

  if (!group) {
    return (
      <>
        <BrandBar />
        <main id="main" tabIndex={-1} className={shared.page}>
          <EmptyState>{t.groups.none}</EmptyState>
        </main>
      </>
    );
  }

  const changeGroup = (groupId: string): void => {
    rememberGroupId(groupId);
    setChosenGroupId(groupId);
  };
  // While another group's overview loads, do not show the previous group's data.
  const data = overview.data?.group.id === group.id ? overview.data : undefined;
  const year = chosenYear ?? data?.year ?? currentYear;
  const role = data?.role ?? group.role;
  const strategist = role === 'strategist';
  const entry = route.view === 'overview' ? undefined : VIEWS.find((v) => v.key === route.view);
  // A strategists' view opened by someone else (an old link): the overview instead.
  const shown = entry && (strategist || !entry.strategistsOnly) ? entry : undefined;

  const viewProps = {
    api,
    me: me.data,
    group: { id: group.id, name: group.name },
    role,
    overview: data,
    reloadOverview: overview.reload,
    arg: route.arg,
    navigate,
    onOpenLink,
  };

  if (frame === 'sidePanel') {
    return (
      <main id="main" tabIndex={-1} className={styles.view}>
        <ViewErrorBoundary language={language}>
          <Suspense fallback={<LoadingState label={t.overview.loading} />}>
            <PanelView {...viewProps} />
          </Suspense>
        </ViewErrorBoundary>
      </main>
    );
  }

  return (
    <>
      <AppHeader
        me={me.data}
        groupId={group.id}
        groupName={group.name}
        role={role}
        onGroupChange={changeGroup}
        onSignOut={onSignOut}
        onSearch={(query) => (setSearchQuery(query), navigate('search'))}
        focusHeading={focusHeading}
      />
      <ViewNav current={shown?.key ?? 'overview'} strategist={strategist} onNavigate={(view) => navigate(view)} />
      {shown ? (
        <main id="main" tabIndex={-1} className={styles.view}>
          <ViewErrorBoundary key={shown.key} language={language}>
            <Suspense fallback={<LoadingState label={t.overview.loading} />}>
              <shown.component {...viewProps} />
            </Suspense>
          </ViewErrorBoundary>
        </main>
      ) : (
        <OverviewView
          overview={data}
          year={year}
          currentYear={currentYear}
          loading={overview.loading}
          error={overview.error}
          onRetry={overview.reload}
          onYearChange={setYear}
          onOpenLink={onOpenLink}
          mine={
            <MySection api={api} groupId={group.id} navigate={navigate} preloaded={onFirstView.current ? preloaded?.myStatus : undefined} />
          }
        />
      )}
      <footer className={styles.footer}>
        <div className={`${shared.page} ${styles.footerLinks}`}>
          <Link href="#/accessibility" onClick={(event) => (event.preventDefault(), navigate('accessibility'))}>
            {language === 'en' ? 'Accessibility statement' : 'Tillgänglighetsredogörelse'}
          </Link>
          <Link href="#/privacy" onClick={(event) => (event.preventDefault(), navigate('privacy'))}>
            {language === 'en' ? 'Personal data' : 'Personuppgifter'}
          </Link>
        </div>
      </footer>
    </>
  );
}
