/**
 * `npm start`. With no configuration (local mode) it builds the tab, starts the service and the
 * Microsoft 365 Agents Playground pointed at it, prints where to go, and stops both on Ctrl-C.
 * In production mode it starts the service alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
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
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** Tracks a child: when one stops by itself, the other is stopped too. */
function watch(child: ChildProcess, name: string): ChildProcess {
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`\n${name} stopped (${signal ?? `exit code ${code}`}); stopping everything.\n`);
    void stop(code || 1);
  });
  return child;
}

function run(command: string, args: string[], name: string): ChildProcess {
  return watch(spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env }), name);
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

/**
 * Polls `url` until `ready` accepts the answer. Gives up, and stops everything, when the process
 * that should answer has exited or `seconds` have passed — so a port held by some other program
 * is never mistaken for ours.
 */
async function waitFor(
  url: string,
  what: string,
  seconds: number,
  ready: (res: Response) => Promise<boolean>,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (stopping || (child && child.exitCode !== null)) return;
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(ready, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  process.stderr.write(`${what} did not answer at ${url} within ${seconds} s.\n`);
  await stop(1);
}

/** Rebuilds tab/dist only when a source is newer than the last build: a second start is quicker. */
async function buildTabIfStale(): Promise<void> {
  const built = await stat(path.join(root, 'tab', 'dist', 'index.html')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = [path.join(root, 'tab'), path.join(root, 'scripts', 'build-tab.mjs')];
  let newest = 0;
  for (const source of sources) {
    const entries = (await stat(source)).isDirectory() ? await readdir(source, { recursive: true, withFileTypes: true }) : [];
    for (const entry of entries) {
      const relative = path.relative(path.join(root, 'tab'), entry.parentPath);
      if (!entry.isFile() || relative === 'dist' || relative.startsWith(`dist${path.sep}`)) continue;
      newest = Math.max(newest, (await stat(path.join(entry.parentPath, entry.name))).mtimeMs);
    }
    if (entries.length === 0) newest = Math.max(newest, (await stat(source)).mtimeMs);
  }
  if (built > newest) return;
  process.stdout.write('Arbetsrum, local mode: building the tab…\n');
  const { buildTab } = (await import(pathToFileURL(path.join(root, 'scripts', 'build-tab.mjs')).href)) as {
    buildTab: (options: { minify: boolean; quiet: boolean }) => Promise<unknown>;
  };
  await buildTab({ minify: true, quiet: true });
}

/**
 * Starts the Agents Playground with the checked-in `.m365agentsplayground.yml` and resolves with
 * the port it really listens on (it moves to a random port when the asked one is taken). Its log
 * goes to the data folder; it opens no browser when CI or BROWSER=none says not to.
 */
function startPlayground(config: Config, botEndpoint: string): Promise<number> {
  const env = {
    ...process.env,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(root, '.m365agentsplayground.yml'),
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(config.dataDir, 'agents-playground.log'),
    ...(process.env.CI || process.env.BROWSER === 'none' ? { TEAMSAPPTESTER_BROWSER: 'none' } : {}),
  };
  const child = spawn(
    bin('agentsplayground'),
    ['-e', botEndpoint, '-c', 'msteams', '-p', String(config.playgroundPort), '--disable-telemetry'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  watch(child, 'Agents Playground');
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      seen += chunk.toString('utf8');
      const listening = /Listening on (\d+)/.exec(seen);
      if (listening) resolve(Number(listening[1]));
    });
    child.once('exit', () => reject(new Error(`the Agents Playground exited; its log is ${env.M365_AGENTS_PLAYGROUND_LOGFILE}`)));
    setTimeout(
      () =>
        reject(
          new Error(
            `the Agents Playground did not say which port it listens on within 60 s; its log is ${env.M365_AGENTS_PLAYGROUND_LOGFILE}`,
          ),
        ),
      60_000,
    ).unref();
  });
}

/** Stops the children too when whoever started us goes away without a signal (a closed IDE). */
function followParent(): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop(0);
  }, 1000).unref();
}

async function main(): Promise<void> {
  const config = readConfigOrExit();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  followParent();

  if (config.mode === 'production') {
    // Production runs the compiled service (`npm run build`); tsx is a development tool.
    const compiled = path.join(root, 'dist', 'bot', 'src', 'main.js');
    if (
      !(await stat(compiled).then(
        () => true,
        () => false,
      ))
    ) {
      process.stderr.write('Production mode runs the compiled service: run "npm run build" first.\n');
      process.exit(2);
    }
    run(process.execPath, [compiled], 'Arbetsrum');
    return;
  }

  await buildTabIfStale();

  const appUrl = `http://localhost:${config.port}`;
  // Machine-to-machine calls use the address the service binds (127.0.0.1 by default in local mode).
  const appDirect = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const service = run(process.execPath, ['--import', 'tsx', 'bot/src/main.ts'], 'Arbetsrum');
  await waitFor(
    `${appDirect}/healthz`,
    'Arbetsrum',
    60,
    async (res) => ((await res.json()) as { status?: string }).status === 'ok',
    service,
  );
  if (stopping) return;

  const playgroundPort = await startPlayground(config, `${appDirect}/api/messages`);
  const playgroundUrl = `http://localhost:${playgroundPort}`;
  await waitFor(
    `http://127.0.0.1:${playgroundPort}/_debug/ping`,
    'The Agents Playground',
    60,
    async (res) => (await res.text()) === 'pong',
  );
  if (stopping) return;

  process.stdout.write(
    [
      '',
      'Arbetsrum is running in local mode.',
      `  Tab (sign in as a strategist):      ${appUrl}/tab/`,
      `  Bot in the Agents Playground:       ${playgroundUrl}`,
      `  Stored, mailed and booked (Graph):   http://127.0.0.1:${config.graphStandInPort}/`,
      `  Health:                             ${appUrl}/healthz`,
      `  Data (PGlite, SharePoint, mail):    ${config.dataDir}`,
      'Press Ctrl-C to stop both.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  void stop(1);
});
