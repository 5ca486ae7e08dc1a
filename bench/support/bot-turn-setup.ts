/**
 * What the bot-turn case (bench/cases/bot-turn.ts) starts before it measures: the demo group in a
 * PostgreSQL schema, the people who send, the echo bot's process, and a Graph address that answers
 * nothing.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { migrate } from '../../bot/src/adapters/storage/migrate';
import { openPostgresDatabase } from '../../bot/src/adapters/storage/postgres-database';
import { readGroupSeed } from '../../bot/src/adapters/storage/seed-file';
import { createSqlStorage } from '../../bot/src/adapters/storage/sql-storage';
import { seedDemoGroup } from '../../bot/src/app/seed-demo-group';
import { DEMO_SEED_FILE } from '../../tests/support/demo-group';
import { startTsxProcess } from '../../tests/support/service-process';

export interface Sender {
  id: string;
  aadObjectId: string;
  name: string;
}

/** A loopback URL nothing listens on: Graph, which no bot turn here needs, fails fast there. */
export async function closedLoopbackUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1.0`;
}

/** The echo bot, started exactly as startServiceProcess starts the service. */
export function startEchoBot(env: Record<string, string>) {
  return startTsxProcess('bench/support/bot-turn-echo-bot.ts', env);
}

export async function seedDatabase(databaseUrl: string, tenantYear: number) {
  const demo = await readGroupSeed(DEMO_SEED_FILE);
  const db = await openPostgresDatabase(databaseUrl);
  try {
    await migrate(db);
    const storage = createSqlStorage(db);
    // Real time: the service checks the proposals' deadlines against the system clock.
    await seedDemoGroup({ unitOfWork: storage.unitOfWork, clock: { now: () => new Date() }, ids: randomUUID }, demo, [
      tenantYear,
      tenantYear + 1,
    ]);
  } finally {
    await db.close();
  }
  const senders: Sender[] = demo.people
    .filter((p): p is typeof p & { aadObjectId: string } => typeof p.aadObjectId === 'string')
    .map((p, i) => ({ id: `29:bench-${i + 1}`, aadObjectId: p.aadObjectId, name: p.name }));
  return { tenantId: demo.tenant.id, senders };
}

export async function countProposals(databaseUrl: string, tenantId: string): Promise<number> {
  const db = await openPostgresDatabase(databaseUrl);
  try {
    const [row] = await db.query<{ n: string }>('SELECT count(*) AS n FROM proposal WHERE tenant_id = $1', [tenantId]);
    return Number(row?.n ?? 0);
  } finally {
    await db.close();
  }
}
