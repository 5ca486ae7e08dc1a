/**
 * The Representation view in a real Chromium against the real service (local mode): the demo
 * group with presence noted at three meetings of 2026 and nothing at the fourth, a proposal and an
 * open action. A strategist reads the meetings × organisations grid in Swedish — a symbol and a
 * spoken word in every cell, never colour alone — with each organisation's totals and the key,
 * steps to a year with no meetings, and the view is axe-clean and fits a 320 px side panel; a
 * delegate finds their own förvaltning marked. Screenshots at 1280 and 320 px go to
 * SCREENS_DIR when it is set.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPgliteDatabase } from '../../bot/src/adapters/storage/pglite-database';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { readConfig } from '../../bot/src/config';
import type { PresenceMark } from '../../bot/src/domain/minutes';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { silentLogger as silent } from '../support/silent-logger';
import { DevApi } from '../support/dev-api';
import { axeViolations } from '../support/axe';
import { screenshot } from '../support/screenshot';
import { newDataDir } from '../support/data-dir';

const NOW = new Date('2026-05-20T10:00:00Z');

/** February to April with presence noted, May with nothing; Mohammed (sbf) away from March on. */
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
    const people = new Map((await repos.people.listByGroup(tenantId, groupId)).map((p) => [p.name, p]));
    const inMonth = new Map((await repos.meetings.listByGroup(tenantId, groupId)).map((m) => [m.startsAt.getUTCMonth() + 1, m]));
    const note = async (month: number, away: string[], stoodIn: [string, string][] = []) => {
      const marks: PresenceMark[] = [...people.values()].map((p) => {
        const forWhom = stoodIn.find(([who]) => who === p.name)?.[1];
        if (forWhom) return { personId: p.id, presence: 'substitute', substituteForPersonId: people.get(forWhom)!.id };
        return { personId: p.id, presence: away.includes(p.name) ? 'absent' : 'present', substituteForPersonId: null };
      });
      await repos.presence.record(tenantId, groupId, inMonth.get(month)!.id, marks);
    };
    await note(2, ['Karin Berg']);
    await note(3, ['Mohammed Haddad', 'Johan Ek'], [['Sara Nilsson', 'Johan Ek']]);
    await note(4, ['Mohammed Haddad']);
    const feb = inMonth.get(2)!;
    await repos.meetings.save({ ...feb, status: 'minutes_published' });
    const karin = people.get('Karin Berg')!;
    await repos.proposals.save({
      id: randomUUID(),
      tenantId,
      groupId,
      title: 'Upphandling av cyklar',
      description: '',
      kind: 'diskussion',
      organisationId: karin.organisationId,
      proposerPersonId: karin.id,
      meetingId: inMonth.get(3)!.id,
      requestedMeetingId: inMonth.get(3)!.id,
      late: false,
      minutesNeeded: 15,
      goalIds: [],
      status: 'accepted',
      decisionNote: null,
      submissionKey: null,
      createdAt: start,
      updatedAt: start,
    });
    const leila = people.get('Leila Karimi')!;
    await repos.actionItems.replaceForMeeting(tenantId, feb.id, [
      {
        id: randomUUID(),
        tenantId,
        groupId,
        meetingId: feb.id,
        agendaItemId: null,
        position: 1,
        title: 'Kartlägg matsvinnet i äldreboendena',
        ownerPersonId: leila.id,
        organisationId: leila.organisationId,
        dueDate: '2026-06-30',
        status: 'open',
        createdAt: start,
        updatedAt: start,
      },
    ]);
  } finally {
    await db.close();
  }
}

/** English words the Swedish view must not show. */
const ENGLISH = /\b(the|and|of|meetings?|proposals?|actions?|represented|substitute|unknown|key|your)\b/i;

describeWithChromium('the Representation view in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-representation-');
    await arrange(dataDir);
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => NOW,
    });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function openAs(name: string, width: number, hash = '#/representation'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'sv-SE', reducedMotion: 'reduce', bypassCSP: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(15_000);
    await page.clock.setFixedTime(NOW);
    await page.addInitScript(`sessionStorage.setItem('arbetsrum.token', ${JSON.stringify(await dev.token(name))})`);
    await page.goto(`${service.url}/tab/?inTeams=0&theme=default${hash}`);
    await page.getByRole('heading', { level: 2, name: 'Representation' }).waitFor();
    return page;
  }

  const grid = (page: Page) => page.getByRole('table', { name: 'Representation per möte och organisation 2026' });
  const row = (page: Page, organisation: string) =>
    grid(page)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: organisation }) });
  const cellTexts = async (page: Page, organisation: string) =>
    (await row(page, organisation).getByRole('cell').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

  it('shows a strategist each meeting held × organisation in words and symbols, with totals and a key', async () => {
    const page = await openAs('Anna Lindqvist', 1280);
    await grid(page).waitFor();
    const headers = (await grid(page).getByRole('columnheader').allInnerTexts()).map((t) => t.trim());
    expect(headers).toEqual(['Organisation', '11 feb.', '11 mars', '8 apr.', '13 maj', 'Representerad', 'Förslag', 'Öppna åtgärder']);
    expect(await grid(page).getByRole('rowheader').count()).toBe(9);
    // Each cell: the symbol shown, the word read out; then the totals.
    expect(await cellTexts(page, 'Samhällsbyggnadsförvaltningen')).toEqual([
      'D Delegat',
      '– Inte representerad',
      '– Inte representerad',
      '? Okänt, inget noterat',
      '1 av 4',
      '0',
      '0',
    ]);
    expect(await cellTexts(page, 'Kultur- och fritidsförvaltningen')).toEqual([
      'D Delegat',
      'E Ersättare',
      'D Delegat',
      '? Okänt, inget noterat',
      '3 av 4 varav 1 med ersättare',
      '0',
      '0',
    ]);
    expect((await cellTexts(page, 'Arbetsmarknads- och socialförvaltningen')).slice(0, 2)).toEqual([
      '– Inte representerad',
      'D 1 f Delegat, 1 förslag',
    ]);
    expect((await cellTexts(page, 'Omsorgsförvaltningen'))[0]).toBe('D 1 å Delegat, 1 öppen åtgärd');
    await page.getByRole('heading', { level: 3, name: 'Teckenförklaring' }).waitFor();
    for (const word of ['Delegat', 'Ersättare', 'Inte representerad', 'Okänt, inget noterat']) {
      await page.getByRole('listitem').filter({ hasText: word }).first().waitFor();
    }
    expect(await page.getByRole('main').innerText()).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'representation-1280.png', { fullPage: true });

    // Year navigation as in the Mötesplan: a year with no meetings held says so.
    await page.getByRole('button', { name: /2025/ }).click();
    await page.getByText('Inga möten har hållits 2025 ännu.').first().waitFor();
    await page.getByRole('button', { name: 'I år' }).click();
    await grid(page).waitFor();
    await page.close();
  }, 60_000);

  it('fits a 320 px side panel: the grid scrolls in its own region, reachable by keyboard, axe-clean', async () => {
    const page = await openAs('Anna Lindqvist', 320);
    await grid(page).waitFor();
    await screenshot(page, 'representation-320.png', { fullPage: true });
    // What sticks out, named, so a failure says where (a view of its own or the shell around it).
    const outside = await page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !el.closest('[role=region]'))
      .map((el) => el.tagName.toLowerCase() + (el.getAttribute('aria-label') ? '[' + el.getAttribute('aria-label') + ']' : ''))`);
    expect({ overflow: await overflow(page), outside }).toEqual({ overflow: 0, outside: [] });
    const region = page.getByRole('region', { name: 'Representation per möte och organisation 2026' });
    await region.focus();
    await page.keyboard.press('ArrowRight');
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows a delegate the same grid with their own förvaltning marked', async () => {
    const page = await openAs('Karin Berg', 1280);
    await grid(page).waitFor();
    expect(await row(page, 'Arbetsmarknads- och socialförvaltningen').getByRole('rowheader').innerText()).toMatch(/din organisation/);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
