/**
 * One cold load of a page in headless Chromium: a fresh browser context (nothing cached, the
 * cache switched off as well), every JavaScript and CSS response the page loads, and the time
 * from navigation start to the first frame that shows the view's content.
 *
 * The time is taken in the page: an init script watches the DOM with a MutationObserver and,
 * once `ready` (a JavaScript expression) holds, stamps `performance.now()` (whose zero is the
 * navigation's start) in the next animation frame — the frame that paints the content.
 */
import type { Browser, Response } from 'playwright-core';
import { gzipSize } from '../report';
import type { TimelineEntry } from './timeline';

export interface LoadedFile {
  /** The path part of the URL: the same file has the same name in every run. */
  path: string;
  type: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
}

export interface FirstView {
  /** navigation start → the content is in the DOM (ms). */
  inDomMs: number;
  /** navigation start → the animation frame that paints it (ms): "first render" in the table. */
  frameMs: number;
  /** JS and CSS loaded up to the first render and the network falling quiet after it. */
  files: LoadedFile[];
  /** The document, every resource fetched by the first render (scripts, API calls), and DOMContentLoaded. */
  timeline: TimelineEntry[];
}

export interface FirstViewOptions {
  url: string;
  /** A JavaScript expression, true once the view's content is there. */
  ready: string;
  /** sessionStorage entries to set before the page's own scripts run (e.g. a sign-in token). */
  sessionStorage?: Record<string, string>;
  /** Also wait for the network to fall quiet and read every JS and CSS body (for the size). */
  collectFiles: boolean;
  timeoutMs?: number;
}

export function firstRenderProbe(ready: string): string {
  return `(() => {
  if (window !== window.top) return;
  const ready = () => { try { return Boolean(${ready}); } catch { return false; } };
  let seen = false;
  const check = () => {
    if (seen || !ready()) return;
    seen = true;
    observer.disconnect();
    const inDom = performance.now();
    requestAnimationFrame(() => { window.__benchFirstRender = { inDom, frame: performance.now() }; });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
})();`;
}

const TIMELINE = `(() => {
  const r = (n) => Math.round(n * 10) / 10;
  const nav = performance.getEntriesByType('navigation')[0];
  const entries = performance.getEntriesByType('resource').map((e) => {
    const url = new URL(e.name);
    return { name: url.pathname + url.search, start: r(e.startTime), end: r(e.responseEnd) };
  });
  return [
    ...(nav ? [{ name: 'document', start: 0, end: r(nav.responseEnd) }] : []),
    ...entries,
    ...(nav && nav.domContentLoadedEventEnd > 0 ? [{ name: 'DOMContentLoaded', start: r(nav.domContentLoadedEventStart), end: r(nav.domContentLoadedEventEnd) }] : []),
  ].sort((a, b) => a.start - b.start);
})()`;

function sessionStorageScript(entries: Record<string, string>): string {
  return `(() => { if (window !== window.top) return; const entries = ${JSON.stringify(entries)}; for (const [k, v] of Object.entries(entries)) sessionStorage.setItem(k, v); })();`;
}

async function readFile(response: Response): Promise<LoadedFile | null> {
  const kind = response.request().resourceType();
  const pathname = new URL(response.url()).pathname;
  const type = kind === 'stylesheet' || pathname.endsWith('.css') ? 'css' : kind === 'script' || pathname.endsWith('.js') ? 'js' : null;
  if (!type || response.status() !== 200) return null;
  const body = await response.body();
  return { path: pathname, type, bytes: body.length, gzipBytes: gzipSize(body) };
}

export async function loadFirstView(browser: Browser, options: FirstViewOptions): Promise<FirstView> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE', colorScheme: 'light' });
  try {
    if (options.sessionStorage) await context.addInitScript({ content: sessionStorageScript(options.sessionStorage) });
    await context.addInitScript({ content: firstRenderProbe(options.ready) });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    const reads: Promise<LoadedFile | null>[] = [];
    if (options.collectFiles) page.on('response', (response) => reads.push(readFile(response).catch(() => null)));
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const timeout = options.timeoutMs ?? 60_000;
    await page.goto(options.url, { waitUntil: 'commit', timeout });
    try {
      await page.waitForFunction('window.__benchFirstRender !== undefined', undefined, { timeout, polling: 50 });
    } catch (error) {
      const text = ((await page.textContent('body').catch(() => '')) ?? '').slice(0, 300);
      throw new Error(`the first view of ${options.url} did not appear (${pageErrors.join('; ') || 'no page error'}): "${text}"`, {
        cause: error,
      });
    }
    const stamp = await page.evaluate<{ inDom: number; frame: number }>('window.__benchFirstRender');
    const timeline = await page.evaluate<TimelineEntry[]>(TIMELINE);
    let files: LoadedFile[] = [];
    if (options.collectFiles) {
      await page.waitForLoadState('networkidle', { timeout });
      files = (await Promise.all(reads)).filter((f): f is LoadedFile => f !== null).sort((a, b) => a.path.localeCompare(b.path));
    }
    return { inDomMs: stamp.inDom, frameMs: stamp.frame, files, timeline: timeline.filter((e) => e.end <= stamp.frame) };
  } finally {
    await context.close();
  }
}
