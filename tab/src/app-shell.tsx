/**
 * The tab's root: connects to the host (Teams or browser), applies the Fluent theme and language,
 * asks the service which mode it runs in, and picks the view: dev sign-in (local mode), the
 * signed-in app, or "open this in Teams" (production mode outside Teams).
 */
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createApiClient, tokenStore, type ApiClient } from './api';
import type { Session } from './api-types';
import { fluentThemeFor } from './app-theme';
import { I18nContext, i18nFor, useI18n } from './i18n';
import type { Preloads, SignedInPreloads } from './preload';
import { useGlobalStyles, useSharedStyles } from './shared-styles';
import type { FrameContext, TabConfig, TeamsHost } from './teams-host';
import { SignedInApp } from './signed-in-app';
import { useResource } from './use-resource';
import { useTeamsHost } from './use-teams-host';
import { NotInTeamsView } from './views/not-in-teams-view';
import { SignInView } from './views/sign-in-view';
import { ErrorState, LoadingState } from './views/status-views';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  skipLink: {
    position: 'absolute',
    insetInlineStart: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    ':focus': {
      top: tokens.spacingVerticalS,
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
  },
});

export function App({
  preloads,
  browserHost = null,
}: {
  /** The first view's API calls, already on their way (main.tsx). */
  preloads?: Preloads | undefined;
  /** Set when the page is known not to run in Teams: no wait for the host. */
  browserHost?: TeamsHost | null;
}) {
  useGlobalStyles();
  const styles = useStyles();
  const connection = useTeamsHost(browserHost);
  const i18n = i18nFor(connection.state.locale);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
  }, [i18n.language]);

  return (
    // The layout class goes on a div of its own: FluentProvider copies its className onto every
    // portal's mount node (applyStylesToPortals), and a 100vh grey box there covers the page
    // whenever a dropdown, menu or dialog opens.
    <FluentProvider theme={fluentThemeFor(connection.state.theme)}>
      <div className={styles.root}>
        <I18nContext.Provider value={i18n}>
          <a className={styles.skipLink} href="#main">
            {i18n.t.skipToContent}
          </a>
          {connection.ready ? (
            <Flow host={connection.host} inTeams={connection.state.inTeams} frame={connection.state.frameContext} preloads={preloads} />
          ) : (
            <Starting />
          )}
        </I18nContext.Provider>
      </div>
    </FluentProvider>
  );
}

function Starting({ label }: { label?: string }) {
  const { t } = useI18n();
  const shared = useSharedStyles();
  return (
    <main id="main" tabIndex={-1} className={shared.page}>
      <LoadingState label={label ?? t.host.connecting} />
    </main>
  );
}

function Flow({
  host,
  inTeams,
  frame,
  preloads,
}: {
  host: TeamsHost;
  inTeams: boolean;
  frame: FrameContext;
  preloads: Preloads | undefined;
}) {
  const { t } = useI18n();
  const shared = useSharedStyles();
  const publicApi = useMemo(() => createApiClient(), []);
  const session = useResource((signal) => publicApi.getSession(signal), [publicApi], preloads?.session);

  if (!session.data) {
    return session.error ? (
      <main id="main" tabIndex={-1} className={shared.page}>
        <ErrorState error={session.error} onRetry={session.reload} />
      </main>
    ) : (
      <Starting label={t.session.loading} />
    );
  }
  return (
    <Authenticated
      session={session.data}
      host={host}
      inTeams={inTeams}
      frame={frame}
      publicApi={publicApi}
      signedInPreloads={preloads?.signedIn}
    />
  );
}

function Authenticated({
  session,
  host,
  inTeams,
  frame,
  publicApi,
  signedInPreloads,
}: {
  session: Session;
  host: TeamsHost;
  inTeams: boolean;
  frame: FrameContext;
  publicApi: ApiClient;
  /** `me` and the overview asked for with the stored token: used only with the dev sign-in, and that token. */
  signedInPreloads: SignedInPreloads | undefined;
}) {
  const { t } = useI18n();
  const devSignIn = session.mode === 'local' && session.devSignIn;
  const [token, setToken] = useState<string | null>(() => (devSignIn ? tokenStore.get() : null));
  const [notice, setNotice] = useState<string | undefined>();
  // After the person signs in or out, the next view takes focus (not on the first page load).
  const [moveFocus, setMoveFocus] = useState(false);

  const api = useMemo(
    () =>
      createApiClient({
        getToken: devSignIn ? () => Promise.resolve(token) : () => host.getSsoToken(),
      }),
    [devSignIn, token, host],
  );

  const signOut = useCallback(() => {
    tokenStore.clear();
    setToken(null);
    setNotice(undefined);
    setMoveFocus(true);
  }, []);
  const onUnauthorized = useCallback(() => {
    if (!devSignIn) return; // Teams SSO: the error view offers a retry
    tokenStore.clear();
    setToken(null);
    setNotice(t.signIn.expired);
    setMoveFocus(true);
  }, [devSignIn, t]);
  const openLink = useCallback((url: string) => host.openLink(url), [host]);
  const configureTab = useCallback((config: TabConfig | null) => host.configureTab(config), [host]);

  if (devSignIn) {
    if (!token) {
      return (
        <SignInView
          api={publicApi}
          notice={notice}
          focusHeading={moveFocus}
          onSignedIn={(newToken) => {
            tokenStore.set(newToken);
            setNotice(undefined);
            setToken(newToken);
            setMoveFocus(true);
          }}
        />
      );
    }
    return (
      <SignedInApp
        api={api}
        frame={frame}
        configureTab={configureTab}
        onUnauthorized={onUnauthorized}
        onSignOut={signOut}
        onOpenLink={openLink}
        focusHeading={moveFocus}
        preloads={signedInPreloads?.token === token ? signedInPreloads : undefined}
      />
    );
  }
  if (!inTeams) return <NotInTeamsView />;
  return <SignedInApp api={api} frame={frame} configureTab={configureTab} onUnauthorized={onUnauthorized} onOpenLink={openLink} />;
}
