/**
 * The Ändringslogg view in a real Chromium against the real service (local mode): the demo group
 * gets two months of history before the service starts, a strategist then saves an agenda over the
 * API and reads the log in plain Swedish — their own save first — pages back with *Visa äldre*,
 * and the view is axe-clean and fits a 320 px side panel. A delegate has no such view. Screenshots
 * at 1280 and 320 px go to SCREENS_DIR when it is set.
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
import type { AuditEvent } from '../../bot/src/domain/audit';
import { readConfig } from '../../bot/src/config';
import { startService, type RunningService } from '../../bot/src/main';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { DEMO_SEED_FILE } from '../support/demo-group';
import { DevApi } from '../support/dev-api';
import { silentLogger as silent } from '../support/silent-logger';
import { newDataDir } from '../support/data-dir';
import { axeViolations } from '../support/axe';
import { screenshot } from '../support/screenshot';

const NOW = new Date('2026-03-01T10:00:00Z');
const HISTORY = 57;

/** The demo group, seeded in January, with HISTORY events after it as the use cases record them. */
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
    const inMonth = new Map((await repos.meetings.listByGroup(tenantId, groupId)).map((m) => [m.startsAt.getUTCMonth() + 1, m.id]));
    const [feb, march, may] = [inMonth.get(2)!, inMonth.get(3)!, inMonth.get(5)!];
    const anna = people.get('Anna Lindqvist')!.id;
    const erik = people.get('Erik Johansson')!.id;
    const karin = people.get('Karin Berg')!;
    const proposalId = randomUUID();
    await repos.proposals.save({
      id: proposalId,
      tenantId,
      groupId,
      title: 'Upphandling av cyklar',
      description: '',
      kind: 'diskussion',
      organisationId: karin.organisationId,
      proposerPersonId: karin.id,
      meetingId: march,
      requestedMeetingId: march,
      late: false,
      minutesNeeded: 15,
      goalIds: [],
      status: 'accepted',
      decisionNote: null,
      submissionKey: null,
      createdAt: start,
      updatedAt: start,
    });
    type Template = Pick<AuditEvent, 'actorPersonId' | 'action' | 'subject' | 'detail'>;
    const templates: Template[] = [
      {
        actorPersonId: karin.id,
        action: 'proposal.submitted',
        subject: `proposal:${proposalId}`,
        detail: { meetingId: march, late: false },
      },
      { actorPersonId: anna, action: 'agenda.saved', subject: `meeting:${march}`, detail: { items: 9 } },
      {
        actorPersonId: erik,
        action: 'meeting.changed',
        subject: `meeting:${may}`,
        detail: { place: { from: 'Stadshuset', to: 'Kulturhuset' }, onlineUrl: { from: null, to: 'https://teams.example/join' } },
      },
      {
        actorPersonId: null,
        action: 'call-for-proposals.sent',
        subject: `meeting:${march}`,
        detail: { sent: 9, mailed: 0, notReached: 1 },
      },
      { actorPersonId: anna, action: 'minutes.edited', subject: `minutes:${feb}`, detail: { meetingId: feb, version: 1, revision: 4 } },
      { actorPersonId: erik, action: 'proposal.accepted', subject: `proposal:${proposalId}`, detail: { meetingId: march } },
      {
        actorPersonId: erik,
        action: 'minutes.published',
        subject: `minutes:${feb}`,
        detail: { meetingId: feb, version: 1, recipients: 12 },
      },
      { actorPersonId: anna, action: 'meeting.chair-changed', subject: `meeting:${may}`, detail: { from: anna, to: erik } },
    ];
    for (let i = 0; i < HISTORY; i += 1) {
      const at = new Date(start.getTime() + (i + 1) * 19 * 3_600_000);
      await repos.audit.record({ tenantId, groupId, at, ...templates[i % templates.length]! });
    }
  } finally {
    await db.close();
  }
}

/** English words the Swedish view must not show (the sentences' verbs and nouns, the button). */
const ENGLISH = /\b(the|and|of|for|saved|changed|sent|meeting|minutes|agenda|proposal|show|older|change log|unknown)\b/i;

describeWithChromium('the Ändringslogg view in a browser', () => {
  let dataDir: string;
  let service: RunningService;
  let browser: Browser;
  let agendaItems = 0;
  const dev = new DevApi(() => service.url);
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dataDir = await newDataDir('arbetsrum-changes-');
    await arrange(dataDir);
    service = await startService({ ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1' }), port: 0, graphStandInPort: 0 }, silent, {
      now: () => NOW,
    });
    browser = await launchChromium();

    // The strategist saves March's agenda with one item shorter: the newest event of all.
    const me = await dev.call<{ groups: { id: string }[] }>('Anna Lindqvist', '/me');
    const overview = await dev.call<{ nextMeeting: { id: string } }>('Anna Lindqvist', `/groups/${me.body.groups[0]!.id}/overview`);
    const route = `/meetings/${overview.body.nextMeeting.id}/agenda`;
    const agenda = await dev.call<{
      revision: string;
      items: {
        id: string;
        title: string;
        durationMinutes: number;
        presenter: { id: string } | null;
        proposalId: string | null;
        standing: boolean;
      }[];
    }>('Anna Lindqvist', route);
    agendaItems = agenda.body.items.length;
    const saved = await dev.call('Anna Lindqvist', route, {
      method: 'PUT',
      body: {
        expectedRevision: agenda.body.revision,
        items: agenda.body.items.map((item, i) => ({
          id: item.id,
          title: item.title,
          durationMinutes: i === 0 ? item.durationMinutes + 5 : item.durationMinutes,
          presenterPersonId: item.presenter?.id ?? null,
          proposalId: item.proposalId,
          standing: item.standing,
        })),
      },
    });
    expect(saved.status).toBe(200);
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

  const entries = (page: Page) => page.getByRole('list', { name: 'Ändringar, senaste först' }).getByRole('listitem');
  const mainText = (page: Page) => page.getByRole('main').innerText();
  /** An entry's lines: the sentence, then the time (a paragraph's margin adds no line; no-break spaces as spaces). */
  const lines = (text: string) => text.replace(/\n+/g, '\n').replace(/\u00a0/g, ' ');
  const entryText = async (page: Page, n: number) => lines(await entries(page).nth(n).innerText());

  it('shows a strategist who changed what, in Swedish, newest first, and pages back with Visa äldre', async () => {
    const page = await openAs('Anna Lindqvist', 1280);
    await page.getByRole('tab', { name: 'Ändringslogg' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ändringslogg' }).waitFor();
    await entries(page).first().waitFor();
    expect(await entries(page).count()).toBe(50);
    expect(await entryText(page, 0)).toBe(
      `Anna Lindqvist sparade dagordningen för mötet 11 mars 2026 (${agendaItems} punkter)\nsöndag 1 mars 2026 11:00`,
    );
    const texts = (await entries(page).allInnerTexts()).map(lines);
    for (const expected of [
      'Anna Lindqvist gjorde Erik Johansson till ordförande för mötet 13 maj 2026',
      'Erik Johansson publicerade minnesanteckningarna från mötet 11 februari 2026',
      'Erik Johansson tog med förslaget ”Upphandling av cyklar” på dagordningen för mötet 11 mars 2026',
      'Anna Lindqvist skrev i minnesanteckningarna från mötet 11 februari 2026',
      'Arbetsrum bjöd in till att föreslå punkter till mötet 11 mars 2026, 1 nåddes inte',
      'Erik Johansson ändrade platsen och länken till onlinemötet för mötet 13 maj 2026',
      'Karin Berg lämnade förslaget ”Upphandling av cyklar” till mötet 11 mars 2026',
    ]) {
      expect(texts.some((t) => t.startsWith(`${expected}\n`))).toBe(true);
    }
    // Nothing of the detail that must stay in the log.
    expect(texts.join('\n')).not.toMatch(/Kulturhuset|https?:|@/);
    expect(await mainText(page)).not.toMatch(ENGLISH);
    await screenshot(page, 'changes-1280.png', { fullPage: true });

    const older = page.getByRole('button', { name: 'Visa äldre' });
    await older.click();
    // The seed's two events and the history before the 50 shown: the focus moves to the first of them.
    await entries(page).nth(50).waitFor();
    expect(await entries(page).count()).toBe(HISTORY + 3);
    expect(await page.evaluate<string>('document.activeElement.innerText')).toBe(await entries(page).nth(50).innerText());
    await page
      .getByRole('status')
      .filter({ hasText: `${HISTORY + 3 - 50} äldre ändringar visas nu.` })
      .waitFor({ state: 'attached' });
    await page.getByText('Det finns inga äldre ändringar.').waitFor();
    expect(await older.count()).toBe(0);
    expect(await entryText(page, -1)).toBe('Arbetsrum planerade 8 möten för 2026\nonsdag 7 januari 2026 09:00');
    expect(await entryText(page, -2)).toMatch(/^Arbetsrum lade upp gruppen med 8 personer och 9 organisationer\n/);
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits a 320 px side panel, axe-clean', async () => {
    const page = await openAs('Anna Lindqvist', 320, '#/changes');
    await page.getByRole('heading', { level: 2, name: 'Ändringslogg' }).waitFor();
    await entries(page).first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(
      0,
    );
    expect(await mainText(page)).not.toMatch(ENGLISH);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'changes-320.png', { fullPage: true });
    await screenshot(page, 'changes-320-top.png');
    const older = page.getByRole('button', { name: 'Visa äldre' });
    await older.scrollIntoViewIfNeeded();
    await screenshot(page, 'changes-320-more.png');
    await older.click();
    await page.getByText('Det finns inga äldre ändringar.').scrollIntoViewIfNeeded();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(
      0,
    );
    await screenshot(page, 'changes-320-end.png');
    await page.close();
  }, 60_000);

  it('has no Ändringslogg for a delegate, and the API refuses them', async () => {
    const page = await openAs('Karin Berg', 1280, '#/changes');
    // An old link to a strategists' view opens the overview instead.
    await page.getByRole('tab', { name: 'Översikt', selected: true }).waitFor();
    expect(await page.getByRole('tab', { name: 'Ändringslogg' }).count()).toBe(0);
    await page.close();
    const me = await dev.call<{ groups: { id: string }[] }>('Karin Berg', '/me');
    expect((await dev.call(`Karin Berg`, `/groups/${me.body.groups[0]!.id}/audit`)).status).toBe(403);
  }, 60_000);

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
