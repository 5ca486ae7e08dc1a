/**
 * axe-core in a real page (served from node_modules, never a CDN): the WCAG 2.0/2.1 A and AA
 * rules, one line per rule and element that breaks them. Fluent's focus-trap sentinels
 * (`data-tabster-dummy`) are left out: they are never read or reached.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Puts axe in the page once per document: evaluated again, its half a megabyte is parsed again
 * (the views change by their hash, so one document serves many checks).
 */
export async function ensureAxe(page: Page): Promise<void> {
  await animationsDone(page);
  if (await page.evaluate<boolean>(`typeof window.axe === 'object'`)) return;
  await page.evaluate(AXE_SOURCE);
}

/**
 * Waits (up to two seconds) until no animation that ends is running or about to start (a spinner
 * never ends): a dialog still fading in has text at part opacity, which axe reports as too little
 * contrast. Each look comes two frames after the last, so an animation a just-opened dialog starts
 * on its next frame is seen (once, one was not, and axe met the dialog half faded in). Polled from
 * here, not with waitForFunction, which the tab's CSP would refuse.
 */
async function animationsDone(page: Page): Promise<void> {
  const until = Date.now() + 2_000;
  while (Date.now() < until) {
    const running = await page.evaluate<number>(`new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() =>
        resolve(document.getAnimations().filter((a) =>
          (a.playState === 'running' || a.pending) && a.effect?.getComputedTiming().endTime !== Infinity).length))))`);
    if (running === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function axeViolations(page: Page): Promise<string[]> {
  await ensureAxe(page);
  return page.evaluate<string[]>(`(async () => {
    const result = await window.axe.run({ exclude: [['[data-tabster-dummy]']] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  })()`);
}
