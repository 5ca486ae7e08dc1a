/**
 * The Omvärldsbevakning view in a real Chromium against the real service (local mode): a delegate
 * reads the group's tips (links open in a new window, without the opener), sends a tip from the
 * form (an http link refused first), and makes a proposal of a tip; a strategist sets one aside
 * from the keyboard in a 320 px side panel. Axe-clean, no English, nothing wider than the panel.
 * Screenshots at 1280 and 320 px go to SCREENS_DIR when it is set.
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
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { newDataDir } from '../support/data-dir';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { axeViolations } from '../support/axe';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-03-01T10:00:00Z');
const LONG_LINK = `https://www.naturvardsverket.se/amnesomraden/klimatanpassning/${'mycket-lang-sokvag-'.repeat(6)}rapport.pdf`;

/** The demo group with three tips: from the chat, from a Teams message, and from the tab. */
async function arrange(dataDir: string): Promise<void> {
  const db = await openPgliteDatabase(path.join(dataDir, 'pglite'));
  try {
    await migrate(db);
    const storage = createSqlStorage(db);
    const seed = await readGroupSeed(DEMO_SEED_FILE);
    const tenantId = seed.tenant.id;
    const at = (day: number) => new Date(Date.UTC(2026, 1, day, 9, 30));
    const { groupId } = await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock: { now: () => at(1) }, ids: randomUUID }, seed, [2026]);
    const people = new Map((await storage.repositories.people.listByGroup(tenantId, groupId)).map((p) => [p.name, p.id]));
    const tips = [
      {
        who: 'Karin Berg',
        url: LONG_LINK,
        comment: 'Ny vägledning om klimatanpassning, värd en punkt?',
        quote: null,
        source: 'bot' as const,
      },
      {
        who: 'Erik Johansson',
        url: 'https://www.smhi.se/klimat',
        comment: '',
        quote: 'Hej alla! SMHI har släppt nya klimatscenarier för Västra Götaland: https://www.smhi.se/klimat',
        source: 'message-extension' as const,
      },
      { who: 'Anna Lindqvist', url: null, comment: 'Seminarium om dagvatten i Göteborg i april.', quote: null, source: 'tab' as const },
    ];
    for (const [i, tip] of tips.entries()) {
      await storage.repositories.tips.insert({
        id: randomUUID(),
        tenantId,
        groupId,
        senderPersonId: people.get(tip.who)!,
        url: tip.url,
        comment: tip.comment,
        quote: tip.quote,
        source: tip.source,
        status: 'new',
        proposalId: null,
        submissionKey: randomUUID(),
        createdAt: at(10 + i),
        updatedAt: at(10 + i),
      });
    }
  } finally {
    await db.close();
  }
}

/** English words the Swedish view must not show. */
const ENGLISH = /\b(the|and|tip|tips off|send|link|comment|dismiss|proposal|new|from|via the|horizon|scanning)\b/i;

describeWithChromium('the Omvärldsbevakning view in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-tips-');
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
    await page.goto(`${service.url}/tab/?inTeams=0&theme=default#/tips`);
    await page.getByRole('heading', { level: 2, name: 'Omvärldsbevakning' }).waitFor();
    await tips(page).first().waitFor();
    return page;
  }
  const tips = (page: Page) => page.getByRole('list', { name: 'Tips, senaste först' }).getByRole('listitem');
  const tipWith = (page: Page, text: string) => tips(page).filter({ hasText: text });
  const mainText = (page: Page) => page.getByRole('main').innerText();
  const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

  it('lets a delegate read the tips, send one, and make a proposal of one', async () => {
    const page = await openAs('Karin Berg', 1280);
    expect(await tips(page).count()).toBe(3);
    expect(await tips(page).first().innerText()).toContain('Seminarium om dagvatten i Göteborg i april.');
    const link = tipWith(page, 'klimatanpassning').getByRole('link');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await tipWith(page, 'SMHI har släppt').innerText()).toContain(
      'Erik Johansson, onsdag 11 februari 2026 10:30, från ett Teams-meddelande',
    );
    // A delegate makes proposals, but sets nothing aside.
    expect(await page.getByRole('button', { name: /^Avfärda/ }).count()).toBe(0);

    const form = page.getByRole('form', { name: 'Tipsa gruppen' });
    await form.getByRole('textbox', { name: /Länk/ }).fill('http://www.smhi.se');
    await form.getByRole('textbox', { name: /Kommentar/ }).fill('Nya data om värmeböljor');
    await form.getByRole('button', { name: 'Skicka tipset' }).click();
    await form.getByText('Länken måste börja med https:// och vara en hel adress.').waitFor();
    await form.getByRole('textbox', { name: /Länk/ }).fill('https://www.smhi.se/varme');
    await form.getByRole('button', { name: 'Skicka tipset' }).click();
    await form.getByText('Tack! Tipset är skickat och står först i listan.').waitFor();
    await tipWith(page, 'Nya data om värmeböljor').waitFor();
    expect(await tips(page).count()).toBe(4);
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'tips-1280.png', { fullPage: true });

    await tipWith(page, 'Ny vägledning om klimatanpassning')
      .getByRole('button', { name: 'Gör till förslag: Ny vägledning om klimatanpassning, värd en punkt?' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Gör tipset till förslag' });
    expect(await dialog.getByRole('textbox', { name: 'Rubrik' }).inputValue()).toBe('Ny vägledning om klimatanpassning, värd en punkt?');
    expect(await dialog.getByRole('textbox', { name: 'Beskrivning' }).inputValue()).toContain(LONG_LINK);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'tips-1280-dialog.png');
    await dialog.getByRole('textbox', { name: 'Rubrik' }).fill('Klimatanpassning i planarbetet');
    await dialog.getByRole('button', { name: 'Skicka förslaget' }).click();
    await dialog.waitFor({ state: 'detached' });
    await tipWith(page, 'Blev förslaget ”Klimatanpassning i planarbetet”.').waitFor();
    expect(await tipWith(page, 'Ny vägledning').getByRole('button').count()).toBe(0);
    const proposals = await dev.call<{ proposals: { title: string; kind: string; proposerName: string }[] }>(
      'Karin Berg',
      `/groups/${(await dev.call<{ groups: { id: string }[] }>('Karin Berg', '/me')).body.groups[0]!.id}/proposals`,
    );
    expect(proposals.body.proposals).toContainEqual(
      expect.objectContaining({ title: 'Klimatanpassning i planarbetet', kind: 'omvarldsbevakning', proposerName: 'Karin Berg' }),
    );
    await page.close();
  }, 90_000);

  it('lets a strategist dismiss a tip from the keyboard in a 320 px side panel, axe-clean', async () => {
    const page = await openAs('Anna Lindqvist', 320);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'tips-320.png', { fullPage: true });
    const dismiss = tipWith(page, 'SMHI har släppt').getByRole('button', { name: /^Avfärda: / });
    await dismiss.focus();
    await page.keyboard.press('Enter');
    await tipWith(page, 'SMHI har släppt').getByText('Avfärdat').waitFor();
    await page.getByRole('status').filter({ hasText: 'Tipset är avfärdat.' }).waitFor({ state: 'attached' });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await tipWith(page, 'SMHI har släppt').scrollIntoViewIfNeeded();
    await screenshot(page, 'tips-320-dismissed.png');
    await page.close();
  }, 90_000);

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
