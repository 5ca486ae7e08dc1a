/**
 * Where the tab runs. Inside Teams we talk to the host through @microsoft/teams-js (loaded on
 * demand, so a plain browser never downloads or calls it: `app.initialize()` would wait forever
 * without a Teams parent). In a plain browser the theme follows `prefers-color-scheme` /
 * `forced-colors`, and the language is Swedish unless `?lang=en`.
 */

export type HostTheme = 'default' | 'dark' | 'contrast';

/** Where Teams shows the page: a tab's content, its configuration page, a meeting's side panel … */
export type FrameContext = 'content' | 'settings' | 'remove' | 'sidePanel' | 'meetingStage' | 'task';

export interface HostState {
  inTeams: boolean;
  theme: HostTheme;
  locale: string;
  frameContext: FrameContext;
  /** The Team's thread id ("19:…@thread.tacv2") in a channel tab: the bot knows the group by it. */
  teamId: string | null;
}

/** What a configurable tab saves: the page it opens, and how Teams names it. */
export interface TabConfig {
  contentUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

export interface TeamsHost {
  readonly state: HostState;
  /** Called with the new state when the theme changes; returns an unsubscribe function. */
  subscribe(listener: (state: HostState) => void): () => void;
  /** Teams SSO token for our API (only inside Teams). */
  getSsoToken(): Promise<string>;
  /** Opens a link: through Teams when inside Teams (deep links, meeting joins), else a new window. */
  openLink(url: string): void;
  /**
   * On the configuration page: tells Teams whether Save may be pressed, and what to save when
   * it is. Outside Teams it does nothing.
   */
  configureTab(config: TabConfig | null): void;
}

/** `?frame=sidePanel` (tests and demos in a browser) or Teams' own frame context. */
export function browserFrameContext(win: Window = window): FrameContext {
  const hint = new URLSearchParams(win.location?.search ?? '').get('frame');
  return hint === 'sidePanel' || hint === 'settings' ? hint : 'content';
}

function asFrameContext(value: string | undefined): FrameContext {
  const known: readonly FrameContext[] = ['content', 'settings', 'remove', 'sidePanel', 'meetingStage', 'task'];
  return known.find((k) => k === value) ?? 'content';
}

const TEAMS_INIT_TIMEOUT_MS = 8000;

/** `?inTeams=1` forces Teams mode, `?inTeams=0` forces browser mode; otherwise: are we framed? */
export function looksLikeTeams(win: Window = window): boolean {
  const hint = new URLSearchParams(win.location.search).get('inTeams');
  if (hint === '1' || hint === 'true') return true;
  if (hint === '0' || hint === 'false') return false;
  try {
    return win.parent !== win;
  } catch {
    return true; // a cross-origin parent can throw on access: we are framed
  }
}

export function normaliseTheme(theme: string | null | undefined): HostTheme {
  if (theme === 'dark') return 'dark';
  if (theme === 'contrast') return 'contrast';
  return 'default';
}

/** In a plain browser: `?theme=dark|contrast|default` (for tests and demos), else the OS preference. */
export function browserTheme(win: Window = window): HostTheme {
  const hint = new URLSearchParams(win.location.search).get('theme');
  if (hint) return normaliseTheme(hint);
  if (win.matchMedia?.('(forced-colors: active)').matches) return 'contrast';
  if (win.matchMedia?.('(prefers-color-scheme: dark)').matches) return 'dark';
  return 'default';
}

/**
 * Outside Teams the product speaks Swedish, as its users do, whatever language the browser was
 * installed in; `?lang=en` asks for English. Inside Teams, Teams' own locale decides.
 */
export function browserLocale(win: Window = window): string {
  const asked = new URLSearchParams(win.location?.search ?? '').get('lang');
  return asked === 'en' ? 'en-GB' : 'sv-SE';
}

class Listeners {
  private readonly set = new Set<(state: HostState) => void>();
  add(listener: (state: HostState) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(state: HostState): void {
    for (const listener of this.set) listener(state);
  }
}

function browserHost(win: Window): TeamsHost {
  const listeners = new Listeners();
  let state: HostState = {
    inTeams: false,
    theme: browserTheme(win),
    locale: browserLocale(win),
    frameContext: browserFrameContext(win),
    teamId: null,
  };
  const onChange = (): void => {
    const theme = browserTheme(win);
    if (theme !== state.theme) {
      state = { ...state, theme };
      listeners.emit(state);
    }
  };
  for (const query of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
    win.matchMedia?.(query).addEventListener?.('change', onChange);
  }
  return {
    get state() {
      return state;
    },
    subscribe: (listener) => listeners.add(listener),
    getSsoToken: () => Promise.reject(new Error('Teams SSO is only available inside Teams')),
    openLink: (url) => {
      win.open(url, '_blank', 'noopener,noreferrer');
    },
    configureTab: () => undefined,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Teams did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

async function teamsHost(win: Window): Promise<TeamsHost> {
  const { app, authentication, pages } = await import('@microsoft/teams-js');
  await withTimeout(app.initialize(), TEAMS_INIT_TIMEOUT_MS);
  const context = await withTimeout(app.getContext(), TEAMS_INIT_TIMEOUT_MS);
  app.notifySuccess().catch(() => undefined); // hides Teams' loading indicator if the manifest asks for one
  const listeners = new Listeners();
  let state: HostState = {
    inTeams: true,
    theme: normaliseTheme(context.app.theme),
    locale: context.app.locale || browserLocale(win),
    frameContext: asFrameContext(context.page.frameContext),
    teamId: context.team?.internalId ?? null,
  };
  let pendingConfig: TabConfig | null = null;
  if (state.frameContext === 'settings') {
    pages.config.registerOnSaveHandler((saveEvent) => {
      if (!pendingConfig) {
        saveEvent.notifyFailure('Nothing chosen');
        return;
      }
      pages.config
        .setConfig({ ...pendingConfig, websiteUrl: pendingConfig.contentUrl })
        .then(() => saveEvent.notifySuccess())
        .catch((error: unknown) => saveEvent.notifyFailure(error instanceof Error ? error.message : String(error)));
    });
  }
  app.registerOnThemeChangeHandler((theme) => {
    state = { ...state, theme: normaliseTheme(theme) };
    listeners.emit(state);
  });
  return {
    get state() {
      return state;
    },
    subscribe: (listener) => listeners.add(listener),
    getSsoToken: () => authentication.getAuthToken(),
    openLink: (url) => {
      app.openLink(url).catch(() => win.open(url, '_blank', 'noopener,noreferrer'));
    },
    configureTab: (config) => {
      pendingConfig = config;
      if (state.frameContext === 'settings') pages.config.setValidityState(config !== null);
    },
  };
}

/**
 * Connects to Teams when the page looks framed by Teams; falls back to the browser when it is not
 * (or when Teams does not answer, e.g. the page is framed by something else).
 */
export async function startHost(win: Window = window): Promise<TeamsHost> {
  const browser = startBrowserHost(win);
  if (browser) return browser;
  try {
    return await teamsHost(win);
  } catch (error) {
    console.warn('Arbetsrum: could not connect to Teams, continuing as a plain web page', error);
    return browserHost(win);
  }
}

/** The browser host, at once, when the page does not look framed by Teams; null when it does (see startHost). */
export function startBrowserHost(win: Window = window): TeamsHost | null {
  return looksLikeTeams(win) ? null : browserHost(win);
}
