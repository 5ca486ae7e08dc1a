/**
 * A new data directory for a service under test. A new PGlite cluster on disk runs initdb in
 * WebAssembly: five seconds on a quiet machine, over fifteen on a busy 2-core one. The global
 * setup dumped a cluster with every migration applied (global-setup.cjs), so its files are
 * unpacked into `<dir>/pglite` here and the service opens it as an existing cluster, finding
 * nothing to migrate: the same path a restarted service takes. Without the dump (a test run outside jest's global setup) the
 * directory is left empty and the service makes a cluster of its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function newDataDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  const template = process.env.ARBETSRUM_TEST_PGLITE_MIGRATED ?? process.env.ARBETSRUM_TEST_PGLITE_TEMPLATE;
  if (template) {
    const pglite = path.join(dir, 'pglite');
    await mkdir(pglite);
    // The dump's member names start with "/"; tar strips it and says so on stderr.
    execFileSync('tar', ['-xf', template, '-C', pglite], { stdio: 'ignore' });
  }
  return dir;
}
