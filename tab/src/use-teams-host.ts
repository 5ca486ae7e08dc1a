/** React state for the host (Teams or browser): theme and locale, following theme changes. */
import { useEffect, useState } from 'react';
import { browserFrameContext, browserLocale, browserTheme, startHost, type HostState, type TeamsHost } from './teams-host';

export type HostConnection = { ready: false; state: HostState } | { ready: true; state: HostState; host: TeamsHost };

export function useTeamsHost(): HostConnection {
  const [connection, setConnection] = useState<HostConnection>(() => ({
    ready: false,
    state: { inTeams: false, theme: browserTheme(), locale: browserLocale(), frameContext: browserFrameContext(), teamId: null },
  }));

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    void startHost().then((host) => {
      if (cancelled) return;
      setConnection({ ready: true, state: host.state, host });
      unsubscribe = host.subscribe((state) => setConnection({ ready: true, state, host }));
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
    };
  }, []);

  return connection;
}
