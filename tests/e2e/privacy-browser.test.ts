/**
 * The person's rights in a real Chromium against the real service (local mode, demo group): a
 * delegate finds *Personuppgifter* in the footer, reads the notice and downloads their own data
 * as a file; a strategist erases that delegate from *Medlemmar* after a dialog that says what goes
 * and what the public record keeps, and cannot erase a strategist. Screenshots at 1280 and 320 px
 * go to SCREENS_DIR when it is set.
 */
import { readFile, rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';
import { screenshot } from '../support/screenshot';
import { axeViolations } from '../support/axe';

const NOW = new Date('2026-03-01T10:00:00Z');

describeWithChromium('personal data in the tab', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-privacy-browser-');
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => NOW,
    });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function openAs(name: string, width = 1280, options: { forAxe?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width, height: 900 },
      locale: 'sv-SE',
      acceptDownloads: true,
      // axe builds its messages with new Function, which the tab's CSP (rightly) refuses.
      bypassCSP: options.forAxe ?? false,
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(10_000);
    await page.clock.setFixedTime(NOW);
    await page.addInitScript(`sessionStorage.setItem('arbetsrum.token', ${JSON.stringify(await dev.token(name))})`);
    await page.goto(`${service.url}/tab/?inTeams=0`);
    await page.getByRole('heading', { level: 1, name: 'Ekologiska hållbarhetsgruppen' }).waitFor();
    return page;
  }

  it('lets a delegate read the notice from the footer and download their own data', async () => {
    const page = await openAs('Karin Berg');
    await page.getByRole('link', { name: 'Personuppgifter' }).click();
    await page.getByRole('heading', { level: 2, name: 'Personuppgifter i Arbetsrum' }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('Trollhättans Stad (demo) är personuppgiftsansvarig').waitFor();
    for (const heading of ['Vilka uppgifter Arbetsrum har om dig', 'Varför', 'Hur länge', 'Dina rättigheter', 'Ladda ner dina uppgifter'])
      await main.getByRole('heading', { level: 3, name: heading }).waitFor();
    await screenshot(page, 'privacy-1280.png', { fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      main.getByRole('button', { name: 'Ladda ner mina uppgifter' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('arbetsrum-personuppgifter-2026-03-01.json');
    const data = JSON.parse(await readFile(await download.path(), 'utf8')) as { sections: { person: { name: string }[] } };
    expect(data.sections.person[0]!.name).toBe('Karin Berg');
    await main.getByText('Klart: arbetsrum-personuppgifter-2026-03-01.json har laddats ner.').waitFor();
    await page.close();

    const narrow = await openAs('Karin Berg', 320, { forAxe: true });
    await narrow.evaluate(`location.hash = '#/privacy'`);
    await narrow.getByRole('heading', { level: 2, name: 'Personuppgifter i Arbetsrum' }).waitFor();
    expect(
      await narrow.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth'),
    ).toBeLessThanOrEqual(0);
    expect(await axeViolations(narrow)).toEqual([]);
    await screenshot(narrow, 'privacy-320.png', { fullPage: true });
    await narrow.close();
  });

  it('lets a strategist erase a delegate after saying what goes, but offers no erasure of a strategist', async () => {
    const page = await openAs('Anna Lindqvist', 1280, { forAxe: true });
    await page.getByRole('tab', { name: 'Medlemmar' }).click();
    await page.getByRole('heading', { level: 2, name: 'Medlemmar' }).waitFor();
    const karinRow = page.getByRole('row').filter({ hasText: 'Karin Berg' });
    await karinRow.waitFor();
    expect(await page.getByRole('button', { name: /Radera personuppgifter för Anna Lindqvist/ }).count()).toBe(0);
    const strategistRows = page.getByRole('row').filter({ hasText: 'Hållbarhetsstrateg' });
    expect(await strategistRows.count()).toBe(2);
    expect(await strategistRows.getByRole('button').count()).toBe(0);
    await screenshot(page, 'members-erase-1280.png', { fullPage: true });

    await karinRow.getByRole('button', { name: 'Radera personuppgifter för Karin Berg' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Radera Karin Bergs personuppgifter?' });
    await dialog.waitFor();
    await dialog.getByText(/allmänna handlingar/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'members-erase-dialog-1280.png');
    // Cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });
    await karinRow.getByRole('button', { name: 'Radera personuppgifter för Karin Berg' }).click();
    await dialog.getByRole('button', { name: 'Radera', exact: true }).click();
    await page.getByRole('status').getByText('Karin Bergs personuppgifter är raderade.').waitFor();
    await karinRow.waitFor({ state: 'detached' });
    await screenshot(page, 'members-erased-1280.png', { fullPage: true });
    await page.close();
  });

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
