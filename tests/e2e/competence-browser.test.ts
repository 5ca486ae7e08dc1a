/**
 * The Kompetensutveckling view in a real Chromium against the real service (local mode): the demo
 * group has a held lecture (counts per organisation, a link, what was learned), a planned study
 * visit and two suggestions. A strategist sees the year's plan by month and the ledger, votes
 * (aria-pressed follows) and opens the activity form; a delegate in a 320 px side panel suggests
 * an activity. Axe-clean, Swedish only. Screenshots at 1280 and 320 px go to SCREENS_DIR
 * when it is set.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { saveCompetenceActivity } from '../../bot/src/app/save-competence-activity';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { suggestCompetenceActivity } from '../../bot/src/app/suggest-competence-activity';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { newDataDir } from '../support/data-dir';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { axeViolations } from '../support/axe';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-03-01T10:00:00Z');

async function arrange(dataDir: string): Promise<void> {
  const db = await openPgliteDatabase(path.join(dataDir, 'pglite'));
  try {
    await migrate(db);
    const storage = createSqlStorage(db);
    const seed = await readGroupSeed(DEMO_SEED_FILE);
    const clock = { now: () => NOW };
    const { groupId } = await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock, ids: randomUUID }, seed, [2026]);
    const repos = storage.repositories;
    const tenantId = seed.tenant.id;
    const deps = { repositories: repos, unitOfWork: storage.unitOfWork, clock, ids: randomUUID };
    const person = new Map((await repos.people.listByGroup(tenantId, groupId)).map((p) => [p.name, p.id]));
    const org = new Map((await repos.organisations.listByGroup(tenantId, groupId)).map((o) => [o.name, o.id]));
    const anna = { tenantId, personId: person.get('Anna Lindqvist')! };
    const empty = {
      description: '',
      organiserOrganisationId: null,
      organiser: '',
      participants: [],
      links: [],
      learned: '',
      actionIds: [],
    };
    for (const draft of [
      {
        ...empty,
        kind: 'lecture',
        status: 'held',
        date: '2026-02-18',
        title: 'Föreläsning om cirkulär upphandling',
        organiser: 'Upphandlingsmyndigheten',
        participants: [
          { organisationId: org.get('Utbildningsförvaltningen')!, count: 6 },
          { organisationId: org.get('Samhällsbyggnadsförvaltningen')!, count: 4 },
        ],
        links: [{ url: 'https://example.se/upphandling', label: 'Bilderna från föreläsningen' }],
        learned: 'Krav på återbrukade möbler går att ställa redan i dag.',
      },
      { ...empty, kind: 'study_visit', status: 'planned', date: '2026-05-20', title: 'Studiebesök på reningsverket' },
    ]) {
      const saved = await saveCompetenceActivity(deps, { ...anna, groupId, activityId: null, draft });
      if (saved.kind !== 'saved') throw new Error(JSON.stringify(saved));
    }
    for (const [name, title] of [
      ['Karin Berg', 'Film: Plastens pris'],
      ['Sara Nilsson', 'Extern gäst från SMHI om skyfall'],
    ] as const) {
      await suggestCompetenceActivity(deps, {
        tenantId,
        personId: person.get(name)!,
        groupId,
        submissionKey: randomUUID(),
        draft: { kind: 'film', title, description: 'Värt att se tillsammans.', link: '' },
      });
    }
  } finally {
    await db.close();
  }
}

const ENGLISH = /\b(the|and|of|for|vote|votes|planned|held|lecture|suggest|activity|activities|participants|learned|links?)\b/i;

describeWithChromium('the Kompetensutveckling view in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-competence-');
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

  async function openAs(name: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'sv-SE', reducedMotion: 'reduce', bypassCSP: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(15_000);
    await page.clock.setFixedTime(NOW);
    await page.addInitScript(`sessionStorage.setItem('arbetsrum.token', ${JSON.stringify(await dev.token(name))})`);
    await page.goto(`${service.url}/tab/?inTeams=0&theme=default#/competence`);
    await page.getByRole('heading', { level: 2, name: 'Kompetensutveckling' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Plan för 2026' }).waitFor();
    return page;
  }
  const mainText = (page: Page) => page.getByRole('main').innerText();
  const noOverflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

  it('shows a strategist the plan by month, the ledger with what was learned, and votes with aria-pressed', async () => {
    const page = await openAs('Anna Lindqvist', 1280);
    const text = await mainText(page);
    for (const expected of [
      'Februari',
      'Maj',
      'onsdag 18 februari 2026: Föreläsning om cirkulär upphandling (föreläsning, genomförd)',
      'Deltagare: 10 deltagare',
      'Utbildningsförvaltningen: 6',
      'Krav på återbrukade möbler går att ställa redan i dag.',
      'Föreslaget av Karin Berg · 1 röst',
    ]) {
      expect(text).toContain(expected);
    }
    await page.getByRole('link', { name: 'Bilderna från föreläsningen' }).waitFor();
    const film = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Film: Plastens pris' }) });
    const vote = film.getByRole('button', { name: 'Rösta (1)' });
    expect(await vote.getAttribute('aria-pressed')).toBe('false');
    await vote.click();
    const voted = film.getByRole('button', { name: 'Du har röstat (2)' });
    await voted.waitFor();
    expect(await voted.getAttribute('aria-pressed')).toBe('true');
    await page
      .getByRole('status')
      .filter({ hasText: 'Din röst på ”Film: Plastens pris” är registrerad. 2 röster.' })
      .waitFor({ state: 'attached' });
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'competence-1280.png', { fullPage: true });

    await page.getByRole('button', { name: 'Lägg till aktivitet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny aktivitet' });
    await dialog.waitFor();
    await dialog.getByLabel('Status').selectOption('held');
    await dialog.getByRole('textbox', { name: 'Antal från Utbildningsförvaltningen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'competence-dialog-1280.png');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    // The same form in a 320 px side panel: every field within the dialog.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('button', { name: 'Lägg till aktivitet' }).click();
    await dialog.waitFor();
    const overflowing: number = await dialog.evaluate((el) => {
      const right = el.getBoundingClientRect().right;
      return [...el.querySelectorAll('input, select, textarea')].filter((c) => c.getBoundingClientRect().right > right + 1).length;
    });
    expect(overflowing).toBe(0);
    await screenshot(page, 'competence-dialog-320.png');
    await page.close();
  }, 90_000);

  it('lets a delegate in a 320 px side panel suggest an activity, axe-clean and without overflow', async () => {
    const page = await openAs('Sara Nilsson', 320);
    expect(await page.getByRole('button', { name: 'Lägg till aktivitet' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Planera in' }).count()).toBe(0);
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'competence-320.png', { fullPage: true });

    const form = page.getByRole('form', { name: 'Föreslå en aktivitet' });
    await form.getByRole('textbox', { name: 'Rubrik' }).fill('Studiebesök på återbrukscentralen');
    await form.getByRole('textbox', { name: 'Länk (https://)' }).fill('http://example.se');
    await form.getByRole('button', { name: 'Skicka förslaget' }).click();
    await form.getByText('En länk måste börja med https://.').waitFor();
    await form.getByRole('textbox', { name: 'Länk (https://)' }).fill('https://example.se/aterbruk');
    await form.getByRole('button', { name: 'Skicka förslaget' }).click();
    await page.getByRole('heading', { level: 4, name: 'Studiebesök på återbrukscentralen' }).waitFor();
    expect(await noOverflow(page)).toBeLessThanOrEqual(0);
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'competence-320-suggested.png', { fullPage: true });
    await page.close();
  }, 90_000);

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
