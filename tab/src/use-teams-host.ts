/** React state for the host (Teams or browser): theme and locale, following theme changes. */
import { useEffect, useState } from 'react';
import { browserFrameContext, browserLocale, browserTheme, startHost, type HostState, type TeamsHost } from './teams-host';

export type HostConnection = { ready: false; state: HostState } | { ready: true; state: HostState; host: TeamsHost };

/** `browserHost`: already known not to be in Teams (startBrowserHost), so ready from the first render. */
export function useTeamsHost(browserHost: TeamsHost | null = null): HostConnection {
  const [connection, setConnection] = useState<HostConnection>(() =>
    browserHost
      ? { ready: true, state: browserHost.state, host: browserHost }
      : {
          ready: false,
          state: { inTeams: false, theme: browserTheme(), locale: browserLocale(), frameContext: browserFrameContext(), teamId: null },
        },
  );

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    const follow = (host: TeamsHost): void => {
      unsubscribe = host.subscribe((state) => setConnection({ ready: true, state, host }));
    };
    if (browserHost) {
      follow(browserHost);
      // A theme change between the first render and this effect.
      if (browserHost.state !== connection.state) setConnection({ ready: true, state: browserHost.state, host: browserHost });
    } else {
      void startHost().then((host) => {
        if (cancelled) return;
        setConnection({ ready: true, state: host.state, host });
        follow(host);
      });
    }
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, [browserHost]);

  return connection;
}
