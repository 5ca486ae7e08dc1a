/** After sign-in: who am I, which group, and that group's overview for the chosen year. */
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { ApiClient, ApiError } from './api';
import { useI18n } from './i18n';
import { currentStockholmYear } from './i18n/format-dates';
import { useRoute } from './route';
import type { FrameContext, TabConfig } from './teams-host';
import { TabConfigView } from './views/config/tab-config-view';
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

const GROUP_KEY = 'arbetsrum.groupId';

function rememberedGroupId(): string | null {
  // A channel tab's content URL names its group (see tab-config-view.tsx).
  const fromUrl = new URLSearchParams(window.location.search).get('group');
  if (fromUrl && /^[A-Za-z0-9-]{1,64}$/.test(fromUrl)) return fromUrl;
  try {
    return sessionStorage.getItem(GROUP_KEY);
  } catch {
    return null;
  }
}

function rememberGroupId(groupId: string): void {
  try {
    sessionStorage.setItem(GROUP_KEY, groupId);
  } catch {
    // storage blocked: the first group is picked next time
  }
}

const PanelView = lazy(() => import('./views/panel/panel-view'));

export function SignedInApp({
  api,
  frame = 'content',
  configureTab = () => undefined,
  onUnauthorized,
  onSignOut,
  onOpenLink,
  focusHeading = false,
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
}) {
  const { t, language } = useI18n();
  const shared = useSharedStyles();
  const styles = useStyles();
  const [route, navigate] = useRoute();
  const me = useResource((signal) => api.getMe(signal), [api]);
  const [chosenGroupId, setChosenGroupId] = useState<string | null>(rememberedGroupId);
  const currentYear = currentStockholmYear();
  // Null until the person picks a year: the server then opens the year of the next meeting.
  const [chosenYear, setYear] = useState<number | null>(null);

  const groups = me.data?.groups ?? [];
  const group = groups.find((g) => g.id === chosenGroupId) ?? groups[0];

  const overview = useResource(
    (signal) => (group ? api.getGroupOverview(group.id, chosenYear, signal) : Promise.resolve(undefined)),
    [api, group?.id, chosenYear],
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

  if (frame === 'settings') return <TabConfigView me={me.data} configureTab={configureTab} />;

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
          mine={<MySection api={api} groupId={group.id} navigate={navigate} />}
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
