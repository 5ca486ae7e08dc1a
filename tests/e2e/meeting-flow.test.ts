/**
 * The strategists' Möte view in a real Chromium against the real service: delegates propose
 * (through the tab API), a strategist accepts two proposals and defers one, reorders the agenda,
 * saves it and sends the kallelse; the stored agenda and the meeting's status are then checked
 * through the API, and a delegate is not offered the view.
 */
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-03-01T10:00:00Z');

interface Agenda {
  meeting: { id: string; status: string };
  revision: string;
  items: { title: string; proposalId: string | null; durationMinutes: number }[];
}

describeWithChromium('the Möte view', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  let groupId: string;
  let meetingId: string;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  const token = (name: string): Promise<string> => dev.token(name);

  const api = <T>(name: string, route: string, init: { method?: string; body?: unknown } = {}) => dev.call<T>(name, route, init);

  async function propose(name: string, title: string, minutes: number): Promise<void> {
    const { status, body } = await api<unknown>(name, `/groups/${groupId}/proposals`, {
      method: 'POST',
      body: {
        submissionKey: `e2e-${title.replace(/\W/g, '-')}`,
        title,
        description: `Beskrivning av ${title}`,
        kind: 'diskussion',
        organisationId: null,
        goalIds: [],
        minutesNeeded: minutes,
        meetingId,
      },
    });
    expect({ status, body }).toMatchObject({ status: 201 });
  }

  async function openAs(name: string, hash: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'sv-SE' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.clock.setFixedTime(NOW);
    // Signed in before the first script runs: no dev sign-in page in between.
    await page.addInitScript((value) => sessionStorage.setItem('arbetsrum.token', value), await token(name));
    await page.goto(`${service.url}/tab/?inTeams=0${hash}`);
    await page.getByRole('heading', { name: 'Ekologiska hållbarhetsgruppen', level: 1 }).waitFor();
    return page;
  }

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-meeting-');
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => NOW,
    });
    browser = await launchChromium();
    const me = await api<{ groups: { id: string }[] }>('Anna Lindqvist', '/me');
    groupId = me.body.groups[0]?.id ?? '';
    const overview = await api<{ nextMeeting: { id: string } }>('Anna Lindqvist', `/groups/${groupId}/overview`);
    meetingId = overview.body.nextMeeting.id;
    await propose('Karin Berg', 'Upphandling av cyklar', 15);
    await propose('Sara Nilsson', 'Skolmåltider och klimat', 20);
    await propose('Johan Ek', 'Grönytefaktor i detaljplaner', 30);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('takes a strategist from the backlog to a sent kallelse', async () => {
    const page = await openAs('Anna Lindqvist', '#/meeting');
    await page.getByRole('heading', { name: 'Förslag att besluta om' }).waitFor();
    const backlog = page.getByRole('list').filter({ has: page.getByRole('heading', { name: 'Upphandling av cyklar' }) });
    await backlog.waitFor();

    // Accept two: each lands on the agenda, before the closing standing items.
    for (const title of ['Upphandling av cyklar', 'Skolmåltider och klimat']) {
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: title }) })
        .getByRole('button', { name: 'Ta med' })
        .click();
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: title }) })
        .waitFor({ state: 'detached' });
    }
    // Defer the third to the meeting after.
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Grönytefaktor i detaljplaner' }) })
      .getByRole('button', { name: 'Skjut upp' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Meddelande till förslagsställaren (valfritt)').fill('Vi tar den i april.');
    await dialog.getByRole('button', { name: 'Skjut upp' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Inga förslag väntar på beslut.').waitFor();

    const rows = page.getByTestId('agenda-row');
    const titles = async (): Promise<string[]> =>
      Promise.all((await rows.all()).map((row) => row.getByRole('textbox').first().inputValue()));
    expect((await titles()).slice(4, 6)).toEqual(['Upphandling av cyklar', 'Skolmåltider och klimat']);

    // Move "Skolmåltider" up one, shorten it, save.
    await page.getByRole('button', { name: 'Flytta upp ”Skolmåltider och klimat”' }).click();
    expect((await titles()).slice(4, 6)).toEqual(['Skolmåltider och klimat', 'Upphandling av cyklar']);
    await page.getByRole('spinbutton', { name: 'Minuter, Skolmåltider och klimat' }).fill('25');
    await expect(page.getByText('Totalt 105 av 120 minuter').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Spara dagordning' }).click();
    await page.getByText('Dagordningen är sparad.').first().waitFor();

    const saved = await api<Agenda>('Anna Lindqvist', `/meetings/${meetingId}/agenda`);
    expect(saved.body.items.slice(4, 6).map((i) => [i.title, i.durationMinutes])).toEqual([
      ['Skolmåltider och klimat', 25],
      ['Upphandling av cyklar', 15],
    ]);
    await screenshot(page, 'meeting-agenda.png', { fullPage: true });

    // Send the kallelse, confirmed in a dialog; the report says how it went.
    await page.getByRole('button', { name: 'Skicka kallelse' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Skicka kallelse' }).click();
    await page.getByText(/^Skickad till \d+ i Teams/).waitFor();
    const after = await api<Agenda>('Anna Lindqvist', `/meetings/${meetingId}/agenda`);
    expect(after.body.meeting.status).toBe('called');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows the channel tab’s configuration page: the group and the view it opens in', async () => {
    const page = await browser.newPage({ viewport: { width: 600, height: 700 }, locale: 'sv-SE' });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.addInitScript((value) => sessionStorage.setItem('arbetsrum.token', value), await token('Karin Berg'));
    await page.goto(`${service.url}/tab/?inTeams=0&frame=settings`);
    await page.getByRole('heading', { name: 'Lägg till Arbetsrum', level: 1 }).waitFor();
    expect(await page.getByLabel('Arbetsgrupp').inputValue()).toBe(groupId);
    await page.getByLabel('Öppnas i').selectOption({ label: 'Minnesanteckningar' });
    // A channel tab is for the whole team: the strategists' view is not offered as its start.
    expect(await page.getByLabel('Öppnas i').locator('option').allTextContents()).not.toContain('Möte');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('refuses a delegate the view and its API, and offers no link to it', async () => {
    const page = await openAs('Karin Berg', '#/meeting');
    await page.getByRole('tab', { name: 'Översikt' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Möte', exact: true }).count()).toBe(0);
    // An old link to the strategists' view shows the overview instead.
    await page.getByRole('heading', { name: 'Nästa möte' }).waitFor();
    const before = await api<Agenda>('Anna Lindqvist', `/meetings/${meetingId}/agenda`);
    const put = await api<{ code: string }>('Karin Berg', `/meetings/${meetingId}/agenda`, {
      method: 'PUT',
      body: { expectedRevision: before.body.revision, items: [] },
    });
    expect(put.status).toBe(403);
    const unchanged = await api<Agenda>('Anna Lindqvist', `/meetings/${meetingId}/agenda`);
    expect(unchanged.body.revision).toBe(before.body.revision);
    await page.close();
  }, 60_000);
});
