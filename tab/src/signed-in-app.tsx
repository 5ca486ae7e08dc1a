/** After sign-in: who am I, which group, and that group's overview for the chosen year. */
import { useEffect, useState } from 'react';
import type { ApiClient, ApiError } from './api';
import { useI18n } from './i18n';
import { currentStockholmYear } from './i18n/format-dates';
import { useResource } from './use-resource';
import { AppHeader } from './views/app-header';
import { BrandBar } from './views/brand-bar';
import { OverviewView } from './views/overview-view';
import { EmptyState, ErrorState, LoadingState } from './views/status-views';
import { useSharedStyles } from './shared-styles';

const GROUP_KEY = 'arbetsrum.groupId';

function rememberedGroupId(): string | null {
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

export function SignedInApp({
  api,
  onUnauthorized,
  onSignOut,
  onOpenLink,
  focusHeading = false,
}: {
  api: ApiClient;
  /** The token is missing or expired (401). */
  onUnauthorized: (error: ApiError) => void;
  /** Only in local mode, where the dev sign-in can pick someone else. */
  onSignOut?: (() => void) | undefined;
  onOpenLink: (url: string) => void;
  /** Move focus to the h1 once it appears (after signing in). */
  focusHeading?: boolean;
}) {
  const { t } = useI18n();
  const shared = useSharedStyles();
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

  return (
    <>
      <AppHeader
        me={me.data}
        groupId={group.id}
        groupName={group.name}
        role={data?.role ?? group.role}
        onGroupChange={changeGroup}
        onSignOut={onSignOut}
        focusHeading={focusHeading}
      />
      <OverviewView
        overview={data}
        year={year}
        currentYear={currentYear}
        loading={overview.loading}
        error={overview.error}
        onRetry={overview.reload}
        onYearChange={setYear}
        onOpenLink={onOpenLink}
      />
    </>
  );
}
