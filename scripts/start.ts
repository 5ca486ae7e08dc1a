/**
 * `npm start`. With no configuration (local mode) it builds the tab, starts the service and the
 * Microsoft 365 Agents Playground pointed at it, prints where to go, and stops both on Ctrl-C.
 * In production mode it starts the service alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadDotEnv, readConfig, type Config } from '../bot/src/config';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const children: ChildProcess[] = [];
let stopping = false;

function readConfigOrExit(): Config {
  loadDotEnv(root);
  try {
    return readConfig(process.env, root);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.template for every variable.\n`);
      process.exit(2);
    }
    throw error;
  }
}

function run(command: string, args: string[], name: string): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`\n${name} stopped (${signal ?? `exit code ${code}`}); stopping everything.\n`);
    void stop(code ?? 1);
  });
  return child;
}

async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children
      .filter((child) => child.exitCode === null && child.signalCode === null)
      .map(
        (child) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
  );
  process.exit(exitCode);
}

async function waitFor(url: string, what: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (stopping) return;
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (res) => res.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  process.stderr.write(`${what} did not answer at ${url} within ${seconds} s.\n`);
  await stop(1);
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  if (config.mode === 'production') {
    run(process.execPath, ['--import', 'tsx', 'bot/src/main.ts'], 'Arbetsrum');
    return;
  }

  process.stdout.write('Arbetsrum, local mode: building the tab…\n');
  const { buildTab } = (await import(path.join(root, 'scripts', 'build-tab.mjs'))) as {
    buildTab: (o: { minify: boolean; quiet: boolean }) => Promise<unknown>;
  };
  await buildTab({ minify: true, quiet: true });

  const appUrl = `http://localhost:${config.port}`;
  run(process.execPath, ['--import', 'tsx', 'bot/src/main.ts'], 'Arbetsrum');
  await waitFor(`${appUrl}/healthz`, 'Arbetsrum', 60);

  const playgroundUrl = `http://localhost:${config.playgroundPort}`;
  run(
    bin('agentsplayground'),
    ['-e', `${appUrl}/api/messages`, '-c', 'msteams', '-p', String(config.playgroundPort), '--disable-telemetry'],
    'Agents Playground',
  );
  await waitFor(playgroundUrl, 'The Agents Playground', 60);
  if (stopping) return;

  process.stdout.write(
    [
      '',
      'Arbetsrum is running in local mode.',
      `  Tab (sign in as a strategist):      ${appUrl}/tab/`,
      `  Bot in the Agents Playground:       ${playgroundUrl}`,
      `  Health:                             ${appUrl}/healthz`,
      `  Data (PGlite, SharePoint, outbox):  ${config.dataDir}`,
      'Press Ctrl-C to stop both.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  void stop(1);
});
