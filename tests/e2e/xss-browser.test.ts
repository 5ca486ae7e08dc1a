/**
 * The tab shows people's text as text, in a real Chromium against the real service (local mode,
 * demo group, dev sign-in). A delegate proposes one item per string of the hostile corpus
 * (tests/fixtures/xss-corpus.ts) through the tab's API, the string as title (where it fits the
 * 120 characters) and as description; a strategist then opens the Förslag view and the meeting's
 * Möte view, where every title and description is on screen. Then:
 *
 * - no dialog opened (`alert`, `confirm`, `prompt`), and `window.__xss`, which every script payload
 *   sets, is not set;
 * - the browser reported no Content Security Policy violation (an injected inline script or
 *   event handler would be refused, and reported, by the tab's CSP) and no page error;
 * - no element the corpus could have made is in the page (inline scripts, iframes, `on…`
 *   attributes, `javascript:` links, `<meta http-equiv>`), and nothing was requested from
 *   evil.example or for the payloads' `x` images;
 * - every title and description is on screen as the server stored it (white space collapsed and
 *   control characters left out, as a browser lays text out).
 *
 * The corpus string with U+0000 is left out: PostgreSQL cannot store it in text.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { XSS_CORPUS } from '../fixtures/xss-corpus';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';

const NOW = new Date('2026-03-01T10:00:00Z');
const STRATEGIST = 'Anna Lindqvist';
const DELEGATE = 'Karin Berg';
const TITLE_MAX = 120;
const DESCRIPTION_MAX = 4000;

/**
 * Text as a browser lays it out and `innerText` reads it back: runs of white space as one space,
 * controls not shown, half a surrogate pair as U+FFFD.
 */
const laidOut = (text: string) =>
  text
    .toWellFormed()
    .replace(/[\p{Cc}\u2028\u2029\s]+/gu, ' ')
    .trim();

/** Anything the corpus could have put in the page, as one selector. */
const INJECTED = [
  'script:not([src])',
  'iframe',
  'img[src="x"]',
  'svg[onload]',
  'meta[http-equiv]',
  'a[href^="javascript:" i]',
  '[onerror]',
  '[onload]',
  '[onmouseover]',
  '[onfocus]',
  '[ontoggle]',
  '[onclick]',
  'at',
  'details',
].join(', ');

describeWithChromium('people’s text in the tab', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  let meetingId: string;
  const dev = new DevApi(() => service.url);
  const stored: { id: string; title: string; description: string }[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-xss-');
    service = await startService(
      // One person sends some 60 proposals in a few seconds: more than the write limit allows by default.
      { ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', WRITES_PER_MINUTE: '100000' }), port: 0, graphStandInPort: 0 },
      silent,
      { now: () => NOW },
    );
    browser = await launchChromium();
    const me = await dev.call<{ groups: { id: string }[] }>(DELEGATE, '/me');
    const groupId = me.body.groups[0]!.id;
    const overview = await dev.call<{ nextMeeting: { id: string } }>(STRATEGIST, `/groups/${groupId}/overview`);
    meetingId = overview.body.nextMeeting.id;
    // NUL and half a surrogate pair are not text: the API refuses them (400), so they never reach a view.
    const notText = (text: string) =>
      text.includes('\u0000') || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
    for (const { id, text } of XSS_CORPUS.filter((entry) => !notText(entry.text))) {
      const title = text.replace(/\s+/g, ' ').trim();
      const { status, body } = await dev.call<{ proposal: { id: string; title: string; description: string } }>(
        DELEGATE,
        `/groups/${groupId}/proposals`,
        {
          method: 'POST',
          body: {
            submissionKey: `xss-${id}`,
            title: title !== '' && [...title].length <= TITLE_MAX ? text : `Korpus ${id}`,
            description: [...text].slice(0, DESCRIPTION_MAX).join(''),
            kind: 'diskussion',
            organisationId: null,
            goalIds: [],
            minutesNeeded: 5,
            meetingId,
          },
        },
      );
      expect([id, status]).toEqual([id, 201]);
      stored.push(body.proposal);
    }
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  /** A page signed in as `name` on `hash`, and what it raised: dialogs, CSP reports, page errors, requests for the payloads' addresses. */
  async function openAs(name: string, hash: string): Promise<{ page: Page; alarms: string[] }> {
    const alarms: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', reducedMotion: 'reduce' });
    page.setDefaultTimeout(10_000);
    page.on('dialog', (dialog) => {
      alarms.push(`dialog (${dialog.type()}): ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) alarms.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => alarms.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname.endsWith('evil.example') || /\/x(?:\.png)?$/.test(url.pathname)) alarms.push(`request: ${request.url()}`);
    });
    await page.clock.setFixedTime(NOW);
    await page.addInitScript(
      [
        `sessionStorage.setItem('arbetsrum.token', ${JSON.stringify(await dev.token(name))});`,
        `document.addEventListener('securitypolicyviolation', (e) => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI));`,
      ].join('\n'),
    );
    await page.goto(`${service.url}/tab/?inTeams=0&theme=default${hash}`);
    return { page, alarms };
  }

  /** What ran or was put in the page. Strings, evaluated in the page: this file is type-checked without the DOM library. */
  function afterEffects(page: Page): Promise<{ xss: unknown; csp: string[]; injected: string[] }> {
    return page.evaluate(`({
      xss: window.__xss ?? null,
      csp: window.__csp ?? [],
      injected: [...document.querySelectorAll(${JSON.stringify(INJECTED)})].map((e) => e.outerHTML.slice(0, 120)),
    })`);
  }

  async function nothingRan(page: Page, alarms: string[], where: string): Promise<void> {
    expect({ where, ...(await afterEffects(page)), alarms }).toEqual({ where, xss: null, csp: [], injected: [], alarms: [] });
  }

  /** The text on screen in the page's main region, as `innerText` lays it out. */
  const shown = async (page: Page) => laidOut(await page.locator('main').innerText());

  it('shows every title in the Förslag view as text, and runs nothing', async () => {
    const { page, alarms } = await openAs(STRATEGIST, '#/proposals');
    await page.getByRole('heading', { level: 2, name: 'Förslag' }).waitFor();
    await page
      .getByRole('article')
      .filter({ hasText: stored[0]!.title.slice(0, 10) })
      .first()
      .waitFor();
    await page.locator('.fui-Spinner').first().waitFor({ state: 'detached' });
    const text = await shown(page);
    const missing = stored.filter((p) => !text.includes(laidOut(p.title))).map((p) => p.title);
    expect(missing).toEqual([]);
    await nothingRan(page, alarms, 'Förslag');
    await page.close();
  });

  it('shows every title and description in the Möte view as text, and runs nothing', async () => {
    const { page, alarms } = await openAs(STRATEGIST, `#/meeting/${meetingId}`);
    await page.getByText(laidOut(stored[0]!.title)).first().waitFor();
    await page.locator('.fui-Spinner').first().waitFor({ state: 'detached' });
    const text = await shown(page);
    const missing = stored.flatMap((p) => [p.title, p.description]).filter((t) => !text.includes(laidOut(t)));
    expect(missing).toEqual([]);
    await nothingRan(page, alarms, 'Möte');
    await page.close();
  });

  it('would notice markup that got into the page: the checks themselves', async () => {
    const { page, alarms } = await openAs(STRATEGIST, '#/proposals');
    await page.getByRole('heading', { level: 2, name: 'Förslag' }).waitFor();
    const requested = page.waitForRequest((request) => request.url().endsWith('/x'));
    await page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x onerror="window.__xss=1">')`);
    await requested;
    await page.waitForFunction('(window.__csp ?? []).length > 0', undefined, { polling: 100 }).catch(() => undefined);
    const effects = await afterEffects(page);
    expect(effects.xss).toBeNull(); // the CSP refused the handler ...
    expect(effects.csp).toEqual([expect.stringMatching(/^script-src/)]); // ... and said so
    expect(effects.injected).toHaveLength(1);
    expect(alarms).toEqual(expect.arrayContaining([expect.stringMatching(/^request: .*\/x$/)]));
    await page.close();
  });
});
