/**
 * The tab in a real Chromium against the real service (local mode, embedded database, seeded
 * demo group): a strategist signs in with the dev sign-in and sees the group, the next meeting
 * with its chair, and the year plan. Screenshots go to SCREENS_DIR, when it is set, for people to look at.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';
import { screenshot } from '../support/screenshot';

describeWithChromium('the tab in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // The tab was built by tests/support/global-setup.cjs.
    dataDir = await newDataDir('arbetsrum-tab-');
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => new Date('2026-03-01T10:00:00Z'),
    });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function openTab(options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: options.width ?? 1280, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      locale: 'sv-SE',
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    // The browser's clock agrees with the service's (fixed) one, as it would in real life.
    await page.clock.setFixedTime(new Date('2026-03-01T10:00:00Z'));
    await page.goto(`${service.url}/tab/`);
    return page;
  }

  async function overviewFromApi(name: string) {
    const { people } = (await (await fetch(`${service.url}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
    const signIn = await fetch(`${service.url}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: people.find((p) => p.name === name)!.id }),
    });
    const auth = { Authorization: `Bearer ${((await signIn.json()) as { token: string }).token}` };
    const me = (await (await fetch(`${service.url}/api/me`, { headers: auth })).json()) as { groups: { id: string }[] };
    return (await (await fetch(`${service.url}/api/groups/${me.groups[0]!.id}/overview?year=2026`, { headers: auth })).json()) as {
      nextMeeting: { chair: { name: string } };
      yearPlan: { startsAt: string; chair: { name: string } }[];
    };
  }

  async function signInAs(page: Page, name: string): Promise<void> {
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.getByRole('heading', { name: 'Ekologiska hållbarhetsgruppen' }).waitFor();
  }

  it('offers the seeded people in the dev sign-in, in Swedish', async () => {
    const page = await openTab();
    await page.getByRole('button', { name: /Anna Lindqvist/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.getByRole('button', { name: /Logga in som/ }).count()).toBe(8);
    await screenshot(page, 'tab-sign-in.png', { fullPage: true });
    await page.close();
  });

  it('shows a strategist the next meeting with its chair and the year plan', async () => {
    const page = await openTab();
    await signInAs(page, 'Anna Lindqvist');
    await page.getByText('onsdag 11 mars 2026').first().waitFor();
    // What the API says, to hold the page to it: the next meeting's chair and every row's chair.
    const overview = await overviewFromApi('Anna Lindqvist');
    const main = page.getByRole('main');
    await main.getByText(`Ordförande: ${overview.nextMeeting.chair.name}`).first().waitFor();
    for (const meeting of overview.yearPlan) {
      const row = page.getByRole('row').filter({ hasText: meeting.startsAt.slice(0, 10) });
      expect(await row.textContent()).toContain(meeting.chair.name);
    }
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(9); // header + 8 meetings
    expect(await page.getByRole('table').textContent()).toContain('2026-11-11');
    // Before the next meeting: planned; the meeting in February has been.
    expect(await page.getByRole('row').filter({ hasText: '2026-02-11' }).textContent()).toContain('har varit');
    expect(await page.getByRole('row').filter({ hasText: '2026-03-11' }).textContent()).toContain('planerat');
    await screenshot(page, 'tab-overview.png', { fullPage: true });
    await page.close();
  });

  it('works in the dark theme and at the width of a meeting side panel', async () => {
    const page = await openTab({ colorScheme: 'dark', width: 300 });
    await signInAs(page, 'Erik Johansson');
    await page.getByText('onsdag 11 mars 2026').first().waitFor();
    // A string, evaluated in the page: this file is type-checked without the DOM library.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'tab-side-panel-dark.png', { fullPage: true });
    await page.close();
  });

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
