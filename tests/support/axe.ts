/**
 * axe-core in a real page (served from node_modules, never a CDN): the WCAG 2.0/2.1 A and AA
 * rules, one line per rule and element that breaks them. Fluent's focus-trap sentinels
 * (`data-tabster-dummy`) are left out: they are never read or reached.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate<string[]>(`(async () => {
    const result = await window.axe.run({ exclude: [['[data-tabster-dummy]']] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  })()`);
}
