/**
 * Issue 9, case 4 — the tab in headless Chromium against the framework's floor.
 *
 * Arbetsrum: the real tab (scripts/build-tab.mjs, minified, into a temporary folder) against the
 * real service in local mode, in this process, signed in as a strategist with the dev sign-in;
 * its first view is the Översikt. Baseline: tab/bench/baseline.tsx — FluentProvider with the
 * Teams theme, one Text, one Button, teams-js on demand — built by the same function with the
 * same esbuild options and index.html, served by the same static server.
 *
 * Measures: the gzipped JavaScript and CSS the first view loads (target ≤ 300 KB), and the median
 * time from navigation start to the frame that shows the first view, cold, over alternating runs
 * (target: ≤ 1.5 × the baseline's).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { Logger } from '../../bot/src/app/ports/logger';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../tests/support/chromium';
import { kib, median, round } from '../report';
import { loadFirstView, type FirstView, type LoadedFile } from '../support/first-view';
import { describeTimeline } from '../support/timeline';
import { serveStatic, type StaticSite } from '../support/static-site';
import type { BenchCase, BenchContext, CaseResult } from '../types';

type BuildTab = (options: {
  minify: boolean;
  outdir: string;
  quiet: boolean;
  entry?: string;
}) => Promise<{ files: { path: string; bytes: number; gzipBytes: number }[]; gzipBytes: number }>;

/** Issue 9 asks for the median of at least 7; 11 by default, as a shared 2-core machine is noisy. */
const MIN_RUNS = 7;
const DEFAULT_RUNS = 11;
const TOKEN_KEY = 'arbetsrum.token'; // tab/src/api.ts
/** The Översikt's heading and its next-meeting card are both in the DOM. */
const TAB_READY = `[...document.querySelectorAll('main h2')].some((h) => h.textContent.trim() === 'Översikt') && document.querySelector('main section .fui-Card') !== null`;
const BASELINE_READY = `document.querySelector('button') !== null`;

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

interface Side {
  name: 'arbetsrum' | 'baseline';
  url: string;
  ready: string;
  sessionStorage: () => Promise<Record<string, string> | undefined>;
}

async function devSignIn(service: RunningService): Promise<{ token: string; role: string }> {
  const { people } = (await (await fetch(`${service.url}/api/dev/people`)).json()) as { people: { id: string; role: string }[] };
  const person = people.find((p) => p.role === 'strategist') ?? people[0];
  if (!person) throw new Error('the demo group has nobody to sign in as');
  const answer = await fetch(`${service.url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ personId: person.id }),
  });
  if (!answer.ok) throw new Error(`dev sign-in answered ${answer.status}`);
  return { token: ((await answer.json()) as { token: string }).token, role: person.role };
}

function totals(files: readonly LoadedFile[]): { bytes: number; gzipBytes: number } {
  return files.reduce((t, f) => ({ bytes: t.bytes + f.bytes, gzipBytes: t.gzipBytes + f.gzipBytes }), { bytes: 0, gzipBytes: 0 });
}

async function run(context: BenchContext): Promise<CaseResult> {
  if (!hasChromium) throw new Error(`no Chromium at ${CHROMIUM_PATH} (install Debian's "chromium" package or set CHROMIUM_PATH)`);
  const runs = Math.max(MIN_RUNS, context.runs ?? DEFAULT_RUNS);
  const work = await mkdtemp(path.join(tmpdir(), 'arbetsrum-bench-tab-'));
  const closers: (() => Promise<unknown>)[] = [() => rm(work, { recursive: true, force: true })];
  try {
    const { buildTab } = (await import(pathToFileURL(path.join(context.root, 'scripts', 'build-tab.mjs')).href)) as { buildTab: BuildTab };
    context.log('building the tab and the baseline page (minified, into a temporary folder)');
    const tabBuild = await buildTab({ minify: true, outdir: path.join(work, 'tab'), quiet: true });
    const baselineBuild = await buildTab({
      minify: true,
      outdir: path.join(work, 'baseline'),
      quiet: true,
      entry: path.join(context.root, 'tab', 'bench', 'baseline.tsx'),
    });

    context.log('starting the service in local mode');
    const service = await startService(
      { ...readConfig({ DATA_DIR: path.join(work, 'data'), HOST: '127.0.0.1' }, context.root), port: 0, graphStandInPort: 0 },
      quiet,
    );
    closers.unshift(() => service.close());
    const tabSite: StaticSite = await serveStatic({ dir: path.join(work, 'tab'), prefix: '/tab/', apiTarget: service.url });
    closers.unshift(() => tabSite.close());
    const baselineSite: StaticSite = await serveStatic({ dir: path.join(work, 'baseline'), prefix: '/tab/' });
    closers.unshift(() => baselineSite.close());
    const browser: Browser = await launchChromium();
    closers.unshift(() => browser.close());

    let signedInAs = '';
    const tab: Side = {
      name: 'arbetsrum',
      url: tabSite.url,
      ready: TAB_READY,
      sessionStorage: async () => {
        const { token, role } = await devSignIn(service);
        signedInAs = role;
        return { [TOKEN_KEY]: token };
      },
    };
    const baseline: Side = { name: 'baseline', url: baselineSite.url, ready: BASELINE_READY, sessionStorage: async () => undefined };
    const load = async (side: Side, collectFiles: boolean): Promise<FirstView> =>
      loadFirstView(browser, { url: side.url, ready: side.ready, sessionStorage: await side.sessionStorage(), collectFiles });

    // The first load of each also warms Chromium's process up; it gives the sizes, not a time.
    context.log('loading each first view once for its files');
    const tabFiles = (await load(tab, true)).files;
    const baselineFiles = (await load(baseline, true)).files;

    context.log(`timing ${runs} cold loads of each, alternating`);
    const times: Record<Side['name'], FirstView[]> = { arbetsrum: [], baseline: [] };
    for (let i = 0; i < runs; i++) {
      // ABBA: neither side always goes first.
      for (const side of i % 2 === 0 ? [tab, baseline] : [baseline, tab]) times[side.name].push(await load(side, false));
    }
    const frame = (side: Side['name']): number[] => times[side].map((t) => round(t.frameMs, 1));
    const inDom = (side: Side['name']): number[] => times[side].map((t) => round(t.inDomMs, 1));
    /** The timeline of the run closest to the median: where the typical load spends its time. */
    const typical = (side: Side['name']) => {
      const p50 = median(frame(side));
      return [...times[side]].sort((a, b) => Math.abs(a.frameMs - p50) - Math.abs(b.frameMs - p50))[0]?.timeline ?? [];
    };

    const tabP50 = median(frame('arbetsrum'));
    const baselineP50 = median(frame('baseline'));
    const tabSize = totals(tabFiles);
    const baselineSize = totals(baselineFiles);
    return {
      measures: [
        {
          measure: 'first view JS+CSS, gzipped',
          unit: 'KB',
          arbetsrum: kib(tabSize.gzipBytes),
          baseline: kib(baselineSize.gzipBytes),
          target: { of: 'value', op: '<=', limit: 300 },
        },
        {
          measure: `time to first render, p50 of ${runs}`,
          unit: 'ms',
          arbetsrum: round(tabP50, 1),
          baseline: round(baselineP50, 1),
          target: { of: 'ratio', op: '<=', limit: 1.5 },
        },
      ],
      notes: [
        `the typical (median) cold load — Arbetsrum: ${describeTimeline(typical('arbetsrum'), tabP50)}; ` +
          `baseline: ${describeTimeline(typical('baseline'), baselineP50)}.`,
      ],
      details: {
        chromium: browser.version(),
        signedInAs,
        runs,
        firstView: {
          arbetsrum: { ...tabSize, files: tabFiles },
          baseline: { ...baselineSize, files: baselineFiles },
        },
        // Everything built, lazy views and teams-js included: what Teams may load later, not the first view.
        builtJsCssGzipBytes: { arbetsrum: tabBuild.gzipBytes, baseline: baselineBuild.gzipBytes },
        firstRenderMs: { arbetsrum: frame('arbetsrum'), baseline: frame('baseline') },
        contentInDomMs: { arbetsrum: inDom('arbetsrum'), baseline: inDom('baseline') },
        typicalTimeline: { arbetsrum: typical('arbetsrum'), baseline: typical('baseline') },
      },
    };
  } finally {
    for (const close of closers) await close().catch(() => undefined);
  }
}

export const tabCase: BenchCase = {
  name: 'tab',
  title: "the tab's first view (Översikt after sign-in) against a minimal Fluent UI + teams-js page, in headless Chromium",
  run,
};
