/**
 * The service as its own process (`node --import tsx bot/src/main.ts`), for tests that kill it
 * with SIGKILL or run two of it side by side: started on free ports with extra environment,
 * ready once /healthz answers, its output kept for the failure message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './free-port';

const root = path.resolve(__dirname, '../..');

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

export async function waitFor(check: () => Promise<boolean>, ms: number, explain: () => string = () => ''): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${ms} ms\n${explain().slice(-3000)}`);
}

export function stopped(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const graphPort = await freePort();
  return startTsxProcess('bot/src/main.ts', { GRAPH_STAND_IN_PORT: String(graphPort), ...env });
}

/**
 * A TypeScript entry point as its own process, the way the service is started (`node --import
 * tsx`), on a free PORT, once its /healthz answers 200. The bench's echo bot starts the same way.
 */
export async function startTsxProcess(entry: string, env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok === true,
    60_000,
    () => output,
  );
  return { child, url, output: () => output };
}
