/**
 * Accessibility of the tab in a real Chromium against the real service (local mode, demo group):
 * axe-core (served from node_modules, never a CDN) checks every view against WCAG 2.0/2.1 A and
 * AA in Teams' three themes (every rule in the default theme; in dark and high contrast the colour
 * rules, the only ones a theme can change), as a strategist and, where a delegate sees something
 * else, as a delegate; a strategist then runs the agenda flow with the keyboard only, and every stop of the
 * focus must be visibly marked; the shell and the Möte view must fit a 280–320 px side panel.
 * Screenshots go to SCREENS_DIR when it is set.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { ensureAxe } from '../support/axe';
import { newDataDir } from '../support/data-dir';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-03-01T10:00:00Z');
const root = path.resolve(__dirname, '..', '..');
const shots = process.env.SCREENS_DIR ?? path.join(root, 'test-results');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const THEMES = ['default', 'dark', 'contrast'] as const;
type Theme = (typeof THEMES)[number];

const STRATEGIST = 'Anna Lindqvist';
const DELEGATE = 'Karin Berg';

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; summary: string }[];
}

interface AgendaItem {
  id: string;
  title: string;
  durationMinutes: number;
}
interface Agenda {
  meeting: { id: string };
  revision: string;
  items: AgendaItem[];
  backlog: { id: string; title: string }[];
}

/** What axe found, one line per rule and element, with what to do about it. */
function describeViolations(where: string, violations: Violation[]): string {
  return violations
    .map((v) =>
      [
        `${where}: ${v.id} (${v.impact ?? 'no impact given'}) — ${v.help} [${v.helpUrl}]`,
        ...v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${n.summary.replace(/\n/g, '\n      ')}`),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * The rules whose outcome depends on colours: the only thing a theme changes. The tab renders the
 * same DOM in every theme (the theme is FluentProvider's tokens, nothing else), so the dark and
 * high-contrast passes run these, and the default theme every WCAG A/AA rule.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Runs axe in the page (from node_modules: evaluate is not subject to the page's CSP). */
async function runAxe(page: Page, theme: Theme): Promise<Violation[]> {
  const runOnly = theme === 'default' ? { type: 'tag', values: WCAG_TAGS } : { type: 'rule', values: COLOUR_RULES };
  await ensureAxe(page);
  // A string, evaluated in the page: this file is type-checked without the DOM library.
  return page.evaluate<Violation[]>(`(async () => {
    // Tabster's focus guards (<i data-tabster-dummy aria-hidden tabindex=0>, from Fluent UI) are a
    // documented false positive of aria-hidden-focus: they only pass the focus on, and must stay
    // hidden from screen readers (microsoft/tabster#288; Accessibility Insights suppresses them too).
    // Only these elements are left out; every rule still runs on everything else.
    const result = await window.axe.run({ exclude: [['[data-tabster-dummy]']] }, {
      runOnly: ${JSON.stringify(runOnly)},
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, summary: n.failureSummary ?? '' })),
    }));
  })()`);
}

/**
 * How the focused element (and the two elements around it, and their ::before/::after, where
 * Fluent draws its focus rings and input underlines) looks. Kept on `window.__a11yFocus` so the
 * same element can be measured again once the focus has moved on.
 */
const MEASURE_FOCUSED = `(() => {
  const props = ['outlineStyle', 'outlineWidth', 'outlineColor', 'outlineOffset', 'boxShadow', 'borderTopColor', 'borderRightColor',
    'borderBottomColor', 'borderLeftColor', 'borderTopWidth', 'borderBottomWidth', 'transform', 'textDecorationLine', 'opacity'];
  const measure = (el) => {
    const out = [];
    let node = el;
    for (let depth = 0; depth < 3 && node && node !== document.body; depth += 1, node = node.parentElement) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(node, pseudo);
        out.push(pseudo && (style.content === 'none' || style.content === 'normal') ? '-' : props.map((p) => style[p]).join('|'));
      }
    }
    return out.join('\\n');
  };
  window.__a11yMeasure = measure;
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const label = (el.getAttribute('aria-label') || el.innerText || el.tagName).trim().slice(0, 80);
  window.__a11yFocus = { el, look: measure(el), label };
  return label;
})()`;

/** Whether the element last measured looks different now that it no longer has the focus. */
const FOCUS_WAS_VISIBLE = `(() => {
  const focus = window.__a11yFocus;
  if (!focus || !focus.el.isConnected || focus.el === document.activeElement) return { label: focus ? focus.label : '', visible: true };
  return { label: focus.label, visible: window.__a11yMeasure(focus.el) !== focus.look };
})()`;

describeWithChromium('accessibility of the tab', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  let groupId: string;
  let nextMeetingId: string;
  let laterMeetingId: string;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];
  const found: { where: string; violations: Violation[] }[] = [];

  const token = (name: string): Promise<string> => dev.token(name);

  const api = <T>(name: string, route: string, init: { method?: string; body?: unknown } = {}) => dev.call<T>(name, route, init);

  async function propose(name: string, title: string, minutes: number): Promise<string> {
    const { status, body } = await api<{ proposal: { id: string } }>(name, `/groups/${groupId}/proposals`, {
      method: 'POST',
      body: {
        submissionKey: `a11y-${title.replace(/\W/g, '-')}`,
        title,
        description: `Beskrivning av ${title}`,
        kind: 'diskussion',
        organisationId: null,
        goalIds: [],
        minutesNeeded: minutes,
        meetingId: nextMeetingId,
      },
    });
    expect(status).toBe(201);
    return body.proposal.id;
  }

  async function open(
    name: string,
    hash: string,
    options: { theme?: Theme; width?: number; forAxe?: boolean; sidePanel?: boolean } = {},
  ): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: options.width ?? 1280, height: 900 },
      locale: 'sv-SE',
      reducedMotion: 'reduce',
      // axe builds its messages with new Function, which the tab's CSP (rightly) refuses.
      bypassCSP: options.forAxe ?? false,
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.clock.setFixedTime(NOW);
    // Signed in before the tab's first script runs (the dev sign-in keeps its token there).
    await page.addInitScript(`sessionStorage.setItem('arbetsrum.token', ${JSON.stringify(await token(name))})`);
    const frame = options.sidePanel ? '&frame=sidePanel' : '';
    await page.goto(`${service.url}/tab/?inTeams=0&theme=${options.theme ?? 'default'}${frame}${hash}`);
    // The side panel has no header: the meeting's own heading is its first.
    if (!options.sidePanel) await page.getByRole('heading', { level: 1, name: 'Ekologiska hållbarhetsgruppen' }).waitFor();
    return page;
  }

  /** A view is ready when its heading is there and nothing is loading any more. */
  async function viewReady(page: Page): Promise<void> {
    await page.locator('main h2').first().waitFor();
    // A locator, not a string predicate: the tab's CSP forbids eval, which Playwright's polling of a string uses.
    await page.locator('.fui-Spinner').first().waitFor({ state: 'detached', timeout: 15_000 });
  }

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-a11y-');
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => NOW,
    });
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
    const me = await api<{ groups: { id: string }[] }>(STRATEGIST, '/me');
    groupId = me.body.groups[0]?.id ?? '';
    const overview = await api<{ nextMeeting: { id: string }; yearPlan: { id: string; startsAt: string }[] }>(
      STRATEGIST,
      `/groups/${groupId}/overview`,
    );
    nextMeetingId = overview.body.nextMeeting.id;
    laterMeetingId = overview.body.yearPlan.find((m) => m.startsAt > NOW.toISOString() && m.id !== nextMeetingId)?.id ?? '';
    // Something in every list: two proposals on the agenda, one waiting for a decision.
    const accepted = [await propose(DELEGATE, 'Upphandling av cyklar', 15), await propose('Sara Nilsson', 'Skolmåltider och klimat', 20)];
    await propose('Johan Ek', 'Grönytefaktor i detaljplaner', 30);
    for (const id of accepted) {
      const decided = await api(STRATEGIST, `/proposals/${id}/decision`, {
        method: 'POST',
        body: { decision: 'accept', meetingId: nextMeetingId },
      });
      expect(decided.status).toBe(200);
    }
  }, 60_000);

  afterAll(async () => {
    if (found.length > 0) {
      await writeFile(path.join(shots, 'a11y-axe-violations.json'), JSON.stringify(found, null, 2));
    }
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  // In an order where each view differs from the one before it on the same page: the next one is
  // opened from the tab's own navigation, and the view before it must be gone first.
  const cases: { who: string; label: string; route: () => string; sidePanel?: boolean }[] = [
    { who: STRATEGIST, label: '#/overview', route: () => '#/overview' },
    { who: STRATEGIST, label: '#/plan', route: () => '#/plan' },
    { who: STRATEGIST, label: '#/meeting', route: () => '#/meeting' },
    { who: STRATEGIST, label: '#/minutes', route: () => '#/minutes' },
    { who: STRATEGIST, label: '#/proposals', route: () => '#/proposals' },
    { who: STRATEGIST, label: '#/members', route: () => '#/members' },
    { who: STRATEGIST, label: '#/changes', route: () => '#/changes' },
    { who: STRATEGIST, label: '#/representation', route: () => '#/representation' },
    { who: STRATEGIST, label: '#/actions', route: () => '#/actions' },
    { who: STRATEGIST, label: '#/goals', route: () => '#/goals' },
    { who: STRATEGIST, label: '#/subgroups', route: () => '#/subgroups' },
    { who: STRATEGIST, label: '#/competence', route: () => '#/competence' },
    { who: STRATEGIST, label: '#/reports', route: () => '#/reports' },
    { who: STRATEGIST, label: '#/accessibility', route: () => '#/accessibility' },
    { who: STRATEGIST, label: '#/meeting/<a later meeting>', route: () => `#/meeting/${laterMeetingId}` },
    { who: STRATEGIST, label: '#/minutes/<the next meeting>', route: () => `#/minutes/${nextMeetingId}` },
    { who: STRATEGIST, label: 'the meeting side panel', route: () => '', sidePanel: true },
    { who: DELEGATE, label: '#/overview', route: () => '#/overview' },
    { who: DELEGATE, label: '#/proposals', route: () => '#/proposals' },
    // The follow-up views show a delegate the same page without the strategists' controls; each
    // view's own browser test runs axe on it as a delegate.
    { who: DELEGATE, label: '#/tips', route: () => '#/tips' },
    // The results view before a search (its results are checked in all themes by search-browser.test.ts).
    { who: DELEGATE, label: '#/search', route: () => '#/search' },
  ];

  async function expectNoViolations(page: Page, where: string, theme: Theme): Promise<void> {
    const violations = await runAxe(page, theme);
    if (violations.length === 0) return;
    found.push({ where, violations });
    throw new Error(`axe found ${violations.length} violation(s):\n${describeViolations(where, violations)}`);
  }

  describe.each(THEMES)('in the %s theme', (theme) => {
    // One page per person (and one for the side panel) in this theme, moved from view to view as
    // a user would: a fresh page per view cost two seconds each, most of this file's time.
    const pages = new Map<string, Page>();
    afterAll(async () => {
      for (const page of pages.values()) await page.close();
    });

    async function show(c: (typeof cases)[number]): Promise<Page> {
      const key = `${c.who}|${c.sidePanel ? 'panel' : 'tab'}`;
      const page = pages.get(key);
      if (!page) {
        const opened = await open(c.who, c.route(), {
          theme,
          forAxe: true,
          width: c.sidePanel ? 320 : 1280,
          sidePanel: c.sidePanel ?? false,
        });
        pages.set(key, opened);
        return opened;
      }
      const before = await page.locator('main h2').first().elementHandle();
      await page.evaluate(`location.hash = ${JSON.stringify(c.route())}`);
      // The previous view's heading must be gone before the next view counts as shown.
      if (before) await page.waitForFunction((el) => !(el as unknown as { isConnected: boolean }).isConnected, before);
      return page;
    }

    it.each(cases.map((c) => [`${c.who}, ${c.label}`, c] as const))(
      'axe finds no WCAG A/AA violation: %s',
      async (_name, c) => {
        const page = await show(c);
        await viewReady(page);
        await expectNoViolations(page, `[${theme}] ${c.who} ${c.label}`, theme);
      },
      60_000,
    );

    it('axe finds no violation in the Möte view’s dialogs and messages', async () => {
      const page = await open(STRATEGIST, '#/meeting', { theme, forAxe: true });
      await viewReady(page);
      const where = (what: string): string => `[${theme}] ${STRATEGIST} #/meeting, ${what}`;
      try {
        const waiting = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Grönytefaktor i detaljplaner' }) });
        await waiting.getByRole('button', { name: 'Skjut upp' }).click();
        await page.getByRole('dialog').waitFor();
        await expectNoViolations(page, where('the defer dialog'), theme);
        await page.keyboard.press('Escape');
        await page.getByRole('dialog').waitFor({ state: 'detached' });

        await waiting.getByRole('button', { name: 'Avböj' }).click();
        const decline = page.getByRole('dialog');
        await decline.getByRole('button', { name: 'Avböj' }).click();
        await decline.getByText('Skriv en motivering.').waitFor();
        await expectNoViolations(page, where('the decline dialog with its error'), theme);
        await page.keyboard.press('Escape');
        await decline.waitFor({ state: 'detached' });

        await page.getByRole('button', { name: 'Skicka kallelse' }).click();
        await page.getByRole('alertdialog').waitFor();
        await expectNoViolations(page, where('the kallelse confirmation'), theme);
        await page.getByRole('alertdialog').getByRole('button', { name: 'Avbryt' }).click();
        await page.getByRole('alertdialog').waitFor({ state: 'detached' });

        // A length the agenda refuses, and the message that says so (nothing is saved).
        await page.getByRole('spinbutton', { name: 'Minuter, Upphandling av cyklar' }).fill('0');
        await page.getByRole('button', { name: 'Spara dagordning' }).click();
        await page
          .getByRole('alert')
          .filter({ hasText: /ange \d+–\d+ minuter/ })
          .waitFor();
        await expectNoViolations(page, where('an agenda with an invalid length'), theme);
      } finally {
        await page.close();
      }
    }, 60_000);

    it('axe finds no violation in the Mötesplan’s dialog for planning a year', async () => {
      const page = await open(STRATEGIST, '#/plan', { theme, forAxe: true });
      await viewReady(page);
      try {
        await page.getByRole('button', { name: 'Planera år' }).click();
        await page.getByRole('dialog').waitFor();
        await expectNoViolations(page, `[${theme}] ${STRATEGIST} #/plan, the dialog for planning a year`, theme);
      } finally {
        await page.close();
      }
    }, 60_000);
  });

  it('shows the accessibility statement with the group’s contact and Digg’s report link', async () => {
    const page = await open(STRATEGIST, '#/overview');
    // The footer link, followed with the keyboard.
    await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Tillgänglighetsredogörelse för Arbetsrum' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('Trollhättans Stad (demo) står bakom Arbetsrum').waitFor();
    expect(await main.getByText('delvis förenlig').count()).toBe(1);
    const mail = main.getByRole('link', { name: 'tillganglighet@trollhattan.example' });
    expect(await mail.getAttribute('href')).toBe('mailto:tillganglighet@trollhattan.example');
    expect(await main.getByRole('link', { name: /Anmäl bristande tillgänglighet till Digg/ }).getAttribute('href')).toBe(
      'https://www.digg.se/tdosanmalan',
    );
    for (const heading of [
      'Hur tillgängligt är Arbetsrum?',
      'Rapportera brister eller be om innehåll i annan form',
      'Tillsyn',
      'Hur vi har testat Arbetsrum',
    ]) {
      await main.getByRole('heading', { level: 3, name: heading }).waitFor();
    }
    await main.getByText('Bedömningen gjordes den').waitFor();
    await page.close();
  }, 60_000);

  it('fits the shell and the Möte view into a 280–320 px side panel', async () => {
    for (const [width, theme] of [
      [280, 'contrast'],
      [320, 'dark'],
    ] as const) {
      // One page per width, moved from view to view; the view before must be gone first.
      const page = await open(STRATEGIST, '#/overview', { theme, width });
      for (const route of ['#/overview', '#/meeting', '#/accessibility']) {
        if (route !== '#/overview') {
          const before = await page.locator('main h2').first().elementHandle();
          await page.evaluate(`location.hash = ${JSON.stringify(route)}`);
          await before?.waitForElementState('hidden');
        }
        await viewReady(page);
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        expect({ width, route, overflow }).toEqual({ width, route, overflow: 0 });
        if (route === '#/meeting') await screenshot(page, `a11y-meeting-${theme}-${width}.png`, { fullPage: true });
      }
      // The same theme at full width, for the screenshots.
      const before = await page.locator('main h2').first().elementHandle();
      await page.evaluate(`location.hash = '#/meeting'`);
      await before?.waitForElementState('hidden');
      await page.setViewportSize({ width: 1280, height: 900 });
      await viewReady(page);
      await screenshot(page, `a11y-meeting-${theme}.png`, { fullPage: true });
      await page.close();
    }
  }, 120_000);

  describe('the agenda flow with the keyboard only', () => {
    /** Tab (or Shift+Tab) until `wanted` has the focus, checking on the way that every stop was visibly marked. */
    async function tabTo(page: Page, wanted: RegExp, options: { back?: boolean; max?: number } = {}): Promise<string> {
      const key = options.back ? 'Shift+Tab' : 'Tab';
      for (let i = 0; i < (options.max ?? 120); i += 1) {
        await page.keyboard.press(key);
        const label = await focusStep(page);
        if (wanted.test(label)) return label;
      }
      throw new Error(`${wanted} never got the focus`);
    }

    /** After a key: the element that lost the focus must look different without it; measure the new one. */
    async function focusStep(page: Page): Promise<string> {
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      const left = await page.evaluate<{ label: string; visible: boolean }>(FOCUS_WAS_VISIBLE);
      const label = (await page.evaluate<string | null>(MEASURE_FOCUSED)) ?? '';
      if (!left.visible) throw new Error(`No visible focus indicator on "${left.label}"`);
      return label;
    }

    it('lets a strategist reorder, change a length and save the agenda without a mouse', async () => {
      const before = await api<Agenda>(STRATEGIST, `/meetings/${nextMeetingId}/agenda`);
      const titles = before.body.items.map((i) => i.title);
      const moving = 'Upphandling av cyklar';
      const from = titles.indexOf(moving);
      expect(from).toBeGreaterThanOrEqual(0);
      expect(from).toBeLessThan(titles.length - 1);

      const page = await open(STRATEGIST, '#/overview');
      await viewReady(page);
      await page.evaluate(MEASURE_FOCUSED);
      // The skip link comes first, then the header, then the views' tab list.
      expect(await tabTo(page, /Hoppa till innehållet/, { max: 1 })).toMatch(/Hoppa/);
      await tabTo(page, /^Översikt$/, { max: 10 });
      await page.keyboard.press('ArrowRight');
      expect(await focusStep(page)).toBe('Mötesplan');
      await page.keyboard.press('ArrowRight');
      expect(await focusStep(page)).toBe('Möte');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 3, name: 'Dagordning' }).waitFor();
      await viewReady(page);

      // Into the view, to the handle of the item to move.
      const handle = new RegExp(`^Flytta ”${moving}”, plats ${from + 1} av ${titles.length}$`);
      await tabTo(page, handle, { max: 150 });
      await page.keyboard.press('Alt+ArrowDown');
      // The focus stays on the moved item's handle, which now says its new place.
      expect(await focusStep(page)).toBe(`Flytta ”${moving}”, plats ${from + 2} av ${titles.length}`);
      const focusedLook = await page.evaluate<{ outline: string; shadow: string; after: string }>(`(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        return { outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow, after: getComputedStyle(el, '::after').borderTopStyle };
      })()`);
      expect(focusedLook.outline.startsWith('none') && focusedLook.shadow === 'none' && focusedLook.after === 'none').toBe(false);

      // Its length: Tab on to its minutes field, replace the number.
      await tabTo(page, new RegExp(`^Minuter, ${moving}$`), { max: 5 });
      await page.keyboard.press('Control+A');
      await page.keyboard.type('25');
      // Back to the handle with Shift+Tab: still in the new place.
      expect(await tabTo(page, /^Flytta ”/, { back: true, max: 5 })).toBe(`Flytta ”${moving}”, plats ${from + 2} av ${titles.length}`);

      // Save with the keyboard.
      await tabTo(page, /^Spara dagordning$/, { max: 150 });
      await page.keyboard.press('Enter');
      await page.getByText('Dagordningen är sparad.').first().waitFor();

      const expected = [...titles];
      expected.splice(from, 1);
      expected.splice(from + 1, 0, moving);
      const after = await api<Agenda>(STRATEGIST, `/meetings/${nextMeetingId}/agenda`);
      expect(after.body.items.map((i) => i.title)).toEqual(expected);
      expect(after.body.items.find((i) => i.title === moving)?.durationMinutes).toBe(25);
      await page.close();
    }, 120_000);
  });

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
