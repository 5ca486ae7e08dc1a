// Throwaway (not committed): publishes February's minutes in local mode and screenshots the tab and the Graph stand-in page.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { readConfig } from '../bot/src/config';
import { startService } from '../bot/src/main';
import { createLogger } from '../bot/src/logger';

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shot-'));
  const config = { ...readConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', OUTBOX_INTERVAL_MS: '300' }), port: 0, graphStandInPort: 3999 };
  const service = await startService(config, createLogger('warn'));
  const api = (route: string, init: RequestInit = {}) => fetch(`${service.url}${route}`, init);
  const { people } = (await (await api('/api/dev/people')).json()) as { people: { id: string; name: string }[] };
  const tokenOf = async (name: string) =>
    ((await (await api('/api/dev/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ personId: people.find((p) => p.name === name)!.id }) })).json()) as { token: string }).token;
  const call = async (name: string, method: string, route: string, body?: unknown) =>
    api(route, { method, headers: { Authorization: `Bearer ${await tokenOf(name)}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const me = (await (await call('Sara Nilsson', 'GET', '/api/me')).json()) as { groups: { id: string }[] };
  const { meetings } = (await (await call('Sara Nilsson', 'GET', `/api/groups/${me.groups[0]!.id}/minutes`)).json()) as { meetings: { id: string; startsAt: string; chair: { name: string } }[] };
  const meeting = meetings.find((m) => m.startsAt.startsWith('2026-02-11'))!;
  const chair = meeting.chair.name;
  const other = chair === 'Anna Lindqvist' ? 'Erik Johansson' : 'Anna Lindqvist';
  const route = `/api/meetings/${meeting.id}/minutes`;
  const start = ((await (await call(chair, 'GET', route)).json()) as { minutes: { items: { agendaItemId: string }[] } }).minutes;
  await call(chair, 'PUT', route, {
    revision: 0,
    items: [
      { agendaItemId: start.items[0]!.agendaItemId, notes: 'Ordföranden hälsade välkommen.', decision: 'Dagordningen fastställdes.' },
      { agendaItemId: start.items[2]!.agendaItemId, notes: 'Förvaltningarna redovisade läget. <script>alert(1)</script>', decision: 'Gruppen ställer sig bakom klimatlöftena.' },
    ],
    attendance: [],
    actions: [{ id: randomUUID(), agendaItemId: start.items[2]!.agendaItemId, title: 'Sammanställa klimatlöftena', ownerPersonId: people.find((p) => p.name === 'Sara Nilsson')!.id, dueDate: '2026-04-15', status: 'open' }],
  });
  await call(chair, 'POST', `${route}/approve`, { revision: 1 });
  await call(other, 'POST', `${route}/approve`, { revision: 1 });
  const res = await call(chair, 'POST', `${route}/publish`, { revision: 1 });
  console.log('publish', res.status);
  await new Promise((r) => setTimeout(r, 4000));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const token = await tokenOf(chair);
  await page.addInitScript((t) => sessionStorage.setItem('arbetsrum.token', t), token);
  await page.goto(`${service.url}/tab/#/minutes/${meeting.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByText('Skickat med e-post').waitFor({ timeout: 20000 });
  await page.screenshot({ path: '/tmp/w/shots/minutes-published.png', fullPage: false });
  await page.goto('http://127.0.0.1:3999/');
  await page.screenshot({ path: '/tmp/w/shots/stand-in-page.png', fullPage: true });
  await browser.close();
  await service.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
