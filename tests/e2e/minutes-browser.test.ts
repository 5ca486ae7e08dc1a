/**
 * Minnesanteckningar in a real Chromium against the real service: the chair takes minutes with
 * one action (autosaved), a second member approves from a side-panel-wide window, the chair
 * publishes, and the page then shows the minutes read-only. Screenshots at 1280 and 320 px go to
 * test-results/ (and to /tmp/team/screens when that folder exists) for people to look at.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-03-01T10:00:00Z');

describeWithChromium('minutes in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-minutes-tab-');
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

  const shot = (page: Page, name: string) => screenshot(page, `minutes-${name}.png`, { fullPage: true });

  /** The meeting of 11 February 2026 (held) and who chairs it, as the API says. */
  async function februaryMeeting(): Promise<{ id: string; chair: string }> {
    const { people } = (await (await fetch(`${service.url}/api/dev/people`)).json()) as { people: { id: string; name: string }[] };
    const signIn = await fetch(`${service.url}/api/dev/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: people.find((p) => p.name === 'Sara Nilsson')!.id }),
    });
    const auth = { Authorization: `Bearer ${((await signIn.json()) as { token: string }).token}` };
    const me = (await (await fetch(`${service.url}/api/me`, { headers: auth })).json()) as { groups: { id: string }[] };
    const { meetings } = (await (await fetch(`${service.url}/api/groups/${me.groups[0]!.id}/minutes`, { headers: auth })).json()) as {
      meetings: { id: string; startsAt: string; chair: { name: string } }[];
    };
    const february = meetings.find((m) => m.startsAt.startsWith('2026-02-11'))!;
    return { id: february.id, chair: february.chair.name };
  }

  async function openAs(name: string, width: number, hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'sv-SE' });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.clock.setFixedTime(NOW);
    await page.goto(`${service.url}/tab/`);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.getByRole('heading', { name: 'Ekologiska hållbarhetsgruppen' }).waitFor();
    await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
    await page.getByRole('heading', { name: 'Minnesanteckningar', level: 2 }).waitFor();
    return page;
  }

  async function overflow(page: Page): Promise<number> {
    // A string, evaluated in the page: this file is type-checked without the DOM library.
    return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  }

  it('lets the chair take minutes, a second member approve, and the chair publish them read-only', async () => {
    const meeting = await februaryMeeting();
    const other = 'Mohammed Haddad';

    // The chair opens Minnesanteckningar without naming a meeting: the latest held one opens.
    const chair = await openAs(meeting.chair, 1280, '#/minutes');
    const main = chair.getByRole('main');
    await main.getByText('Inget sparat ännu', { exact: false }).waitFor();
    const first = main.getByRole('region', { name: '1. Mötet öppnas' });
    await first.getByRole('textbox', { name: 'Anteckningar' }).fill('Ordföranden hälsade alla välkomna.');
    await first.getByRole('textbox', { name: 'Beslut' }).fill('Mötet förklarades öppnat.');
    await first.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    // The new row's first field has the focus, ready to type.
    await chair.keyboard.type('Skicka presentationen till alla förvaltningar');
    await first.getByRole('combobox', { name: 'Ansvarig' }).selectOption({ label: 'Sara Nilsson, Utbildningsförvaltningen' });
    await first.getByLabel('Klart senast').fill('2026-03-31');
    await main.getByRole('combobox', { name: 'Närvaro för Sara Nilsson' }).selectOption('present');
    await main.getByRole('combobox', { name: 'Närvaro för Karin Berg' }).selectOption('absent');
    await main.getByRole('combobox', { name: 'Närvaro för Per Andersson' }).selectOption('substitute');
    await main.getByRole('combobox', { name: 'Per Andersson är ersättare för' }).selectOption({ label: 'Ersättare för Karin Berg' });
    await main.getByText(/^Sparat \d\d:\d\d$/).waitFor();
    await shot(chair, 'editor-1280');

    // What the page saved is what the service has.
    await chair.reload();
    await chair.getByRole('heading', { name: 'Minnesanteckningar', level: 2 }).waitFor();
    const reloaded = chair.getByRole('main').getByRole('region', { name: '1. Mötet öppnas' });
    expect(await reloaded.getByRole('textbox', { name: 'Anteckningar' }).inputValue()).toBe('Ordföranden hälsade alla välkomna.');
    expect(await reloaded.getByRole('textbox', { name: 'Åtgärd' }).inputValue()).toBe('Skicka presentationen till alla förvaltningar');
    expect(await chair.getByRole('combobox', { name: 'Per Andersson är ersättare för' }).inputValue()).not.toBe('');
    // Publishing is offered but waits for the approvals, and says why.
    const publish = chair.getByRole('button', { name: 'Publicera' });
    expect(await publish.getAttribute('aria-disabled')).toBe('true');
    await chair.getByText('(ordförande) behöver godkänna den nuvarande texten.', { exact: false }).waitFor();
    await chair.getByRole('button', { name: 'Godkänn' }).click();
    await chair.getByText('Du har godkänt den här texten.').waitFor();

    // The chair's layout at the width of the meeting side panel.
    const narrowChair = await openAs(meeting.chair, 320, `#/minutes/${meeting.id}`);
    await narrowChair.getByRole('main').getByRole('region', { name: '1. Mötet öppnas' }).waitFor();
    await shot(narrowChair, 'editor-320');
    expect(await overflow(narrowChair)).toBeLessThanOrEqual(0);
    await narrowChair.close();

    // A second member, in a side-panel-wide window: reads, comments, approves.
    const member = await openAs(other, 320, `#/minutes/${meeting.id}`);
    const memberMain = member.getByRole('main');
    await memberMain.getByText('Ordföranden hälsade alla välkomna.').waitFor();
    expect(await memberMain.getByRole('textbox', { name: 'Anteckningar' }).count()).toBe(0);
    await memberMain.getByText('Ersättare för Karin Berg').waitFor();
    expect(await overflow(member)).toBeLessThanOrEqual(0);
    const firstItem = memberMain.getByRole('region', { name: '1. Mötet öppnas' });
    await firstItem.getByRole('button', { name: 'Kommentera' }).click();
    await firstItem.getByRole('textbox', { name: 'Kommentar till Mötet öppnas' }).fill('Ser bra ut.');
    await firstItem.getByRole('button', { name: 'Skicka kommentar' }).click();
    await firstItem.getByText('Ser bra ut.').waitFor();
    await memberMain.getByRole('button', { name: 'Godkänn' }).click();
    await memberMain.getByText('Du har godkänt den här texten.').waitFor();
    await shot(member, 'review-320');
    await member.close();

    // The chair sees the second approval and publishes, after confirming.
    await chair.getByRole('button', { name: 'Hämta senaste' }).click();
    await chair.getByText(`${other} har godkänt`).waitFor();
    expect(await publish.getAttribute('aria-disabled')).toBeNull();
    await publish.click();
    const dialog = chair.getByRole('dialog', { name: 'Publicera minnesanteckningarna?' });
    await dialog.getByRole('button', { name: 'Publicera' }).click();
    await chair.getByText('Publicerades söndag 1 mars 2026 kl. 11:00', { exact: false }).waitFor();

    // Read-only now: no fields, the text as published, and a correction offered.
    const published = chair.getByRole('main');
    expect(await published.getByRole('textbox').count()).toBe(0);
    expect(await published.getByRole('combobox', { name: /Närvaro för/ }).count()).toBe(0);
    await published.getByText('Mötet förklarades öppnat.').waitFor();
    await published.getByText('Skicka presentationen till alla förvaltningar').waitFor();
    await published.getByRole('button', { name: 'Rätta (ny version)' }).waitFor();
    await published.getByText(`Godkända av ${meeting.chair} (ordförande) och ${other}.`).waitFor();
    expect(await published.getByRole('button', { name: 'Godkänn' }).count()).toBe(0);
    await shot(chair, 'published-1280');
    await chair.setViewportSize({ width: 320, height: 900 });
    expect(await overflow(chair)).toBeLessThanOrEqual(0);
    await shot(chair, 'published-320');
    await chair.close();
  }, 120_000);

  it('logged no errors in the browser console', () => {
    expect(consoleErrors).toEqual([]);
  });
});
