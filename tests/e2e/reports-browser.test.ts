/**
 * The Rapporter view in a real Chromium against the real service (local mode): the demo group with
 * presence noted at its first meetings and a proposal tagged with a goal; a strategist reads this
 * year's report in Swedish — the heat map and bar charts as SVG images with their tables a button
 * away — switches to the SDL report, makes the Word document (stored in the Graph stand-in under
 * Rapporter/2026/) and gets a link to it; the view is axe-clean and fits a 320 px side panel. A
 * delegate has no such view. Screenshots at 1280 and 320 px go to SCREENS_DIR when it is set.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { newDataDir } from '../support/data-dir';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { axeViolations } from '../support/axe';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-06-15T10:00:00Z');

/** The demo group with the first three meetings' presence noted and one proposal tagged with a goal. */
async function arrange(dataDir: string): Promise<void> {
  const db = await openPgliteDatabase(path.join(dataDir, 'pglite'));
  try {
    await migrate(db);
    const storage = createSqlStorage(db);
    const seed = await readGroupSeed(DEMO_SEED_FILE);
    const tenantId = seed.tenant.id;
    const start = new Date('2026-01-07T08:00:00Z');
    const { groupId } = await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock: { now: () => start }, ids: randomUUID }, seed, [2026]);
    const repos = storage.repositories;
    const people = await repos.people.listByGroup(tenantId, groupId);
    const meetings = (await repos.meetings.listByGroup(tenantId, groupId)).slice(0, 3);
    for (const [i, meeting] of meetings.entries()) {
      // Everyone there at the first, every other person at the next ones.
      await repos.presence.record(
        tenantId,
        groupId,
        meeting.id,
        people.map((p, j) => ({ personId: p.id, presence: i === 0 || j % 2 === 0 ? 'present' : 'absent', substituteForPersonId: null })),
      );
    }
    const goal = (await repos.goals.listForGroup(tenantId, groupId)).find((g) => g.framework === 'sdg' && g.number === 13)!;
    const karin = people.find((p) => p.name === 'Karin Berg')!;
    await repos.proposals.save({
      id: randomUUID(),
      tenantId,
      groupId,
      title: 'Upphandling av cyklar',
      description: '',
      kind: 'diskussion',
      organisationId: karin.organisationId,
      proposerPersonId: karin.id,
      meetingId: meetings[2]!.id,
      requestedMeetingId: meetings[2]!.id,
      late: false,
      minutesNeeded: 15,
      goalIds: [goal.id],
      status: 'accepted',
      decisionNote: null,
      submissionKey: null,
      createdAt: start,
      updatedAt: start,
    });
  } finally {
    await db.close();
  }
}

/** English words the Swedish view must not show. */
const ENGLISH = /\b(the|and|of|for|report|meeting|proposals?|decisions?|actions?|show|table|opened|closed|overdue|unknown)\b/i;

describeWithChromium('the Rapporter view in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-reports-');
    await arrange(dataDir);
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => NOW,
    });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function openAs(name: string, width: number, hash = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'sv-SE', reducedMotion: 'reduce', bypassCSP: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(15_000);
    await page.clock.setFixedTime(NOW);
    await page.addInitScript(`sessionStorage.setItem('arbetsrum.token', ${JSON.stringify(await dev.token(name))})`);
    await page.goto(`${service.url}/tab/?inTeams=0&theme=default${hash}`);
    await page.getByRole('heading', { level: 1, name: 'Ekologiska hållbarhetsgruppen' }).waitFor();
    return page;
  }

  const mainText = (page: Page) => page.getByRole('main').innerText();

  it('shows a strategist the year in charts and tables, in Swedish, and makes the Word document', async () => {
    const page = await openAs('Anna Lindqvist', 1280, '#/reports');
    await page.getByRole('heading', { level: 2, name: 'Rapporter' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Rapport till Utskottet för Agenda 2030' }).waitFor();
    // Four charts as images named by their titles: the heat map and three bar charts.
    const heat = page.getByRole('img', { name: 'Närvaro per organisation' });
    await heat.waitFor();
    expect(await page.locator('svg[role="img"]').count()).toBe(4);
    expect(await page.getByText(/^\d+ möten? hölls/).count()).toBe(1);
    // The heat map's table is a button away.
    const toggle = page.getByRole('button', { name: 'Visa som tabell' }).first();
    await toggle.click();
    await page.getByRole('table', { name: 'Närvaro per organisation' }).waitFor();
    expect(await page.getByRole('button', { name: 'Dölj tabellen' }).getAttribute('aria-expanded')).toBe('true');
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reports-1280.png', { fullPage: true });

    // The SDL report: another title and introduction.
    await page.getByRole('radio', { name: /^SDL/ }).check();
    await page.getByRole('button', { name: 'Visa rapporten' }).click();
    await page.getByRole('heading', { level: 3, name: 'Rapport till Stadsdirektörens ledningsgrupp (SDL)' }).waitFor();

    await page.getByRole('button', { name: 'Skapa rapport (.docx)' }).click();
    await page.getByText('Rapporten är sparad: 2026-01-01–2026-12-31 Rapport till SDL.docx.').waitFor();
    expect(await page.getByRole('link', { name: 'Öppna rapporten' }).count()).toBe(1);
    const stored = readdirSync(path.join(dataDir, 'sharepoint'), { recursive: true }).map(String);
    expect(stored.some((p) => p.endsWith(path.join('Rapporter', '2026', '2026-01-01–2026-12-31 Rapport till SDL.docx')))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('fits a 320 px side panel, axe-clean', async () => {
    const page = await openAs('Anna Lindqvist', 320, '#/reports');
    await page.getByRole('img', { name: 'Närvaro per organisation' }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(
      0,
    );
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'reports-320.png', { fullPage: true });
    await page.close();
  }, 60_000);

  it('has no Rapporter for a delegate, and the API refuses them', async () => {
    const page = await openAs('Karin Berg', 1280, '#/reports');
    await page.getByRole('tab', { name: 'Översikt', selected: true }).waitFor();
    expect(await page.getByText('Rapporter', { exact: true }).count()).toBe(0);
    await page.close();
    const me = await dev.call<{ groups: { id: string }[] }>('Karin Berg', '/me');
    expect((await dev.call('Karin Berg', `/groups/${me.body.groups[0]!.id}/report?from=2026-01-01&to=2026-12-31`)).status).toBe(403);
  }, 60_000);

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
