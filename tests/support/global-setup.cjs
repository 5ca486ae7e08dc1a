/**
 * Builds the tab once before any test runs, so the browser test and the `npm start` test serve
 * the same finished bundle instead of racing to rebuild it.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = () => path.resolve(__dirname, '..', '..');

module.exports = async function globalSetup() {
  execFileSync(process.execPath, [path.join(root(), 'scripts', 'build-tab.mjs')], { cwd: root(), stdio: 'pipe' });
  await pgliteTemplate();
  migratedTemplate();
};

/**
 * A new PGlite cluster costs some five seconds (initdb in WebAssembly); loading a dump of one costs
 * under two. One empty cluster is dumped here, once per PGlite version, and the in-memory databases
 * of the tests start from it (tests/support/database.ts). Migrations still run in every test.
 */
async function pgliteTemplate() {
  const { existsSync, writeFileSync, renameSync } = require('node:fs');
  const { tmpdir } = require('node:os');
  const { readFileSync } = require('node:fs');
  const { version } = JSON.parse(readFileSync(path.join(root(), 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8'));
  const file = path.join(tmpdir(), `arbetsrum-pglite-${version}.tar`);
  if (!existsSync(file)) {
    const { PGlite } = require('@electric-sql/pglite');
    const pglite = await PGlite.create();
    const dump = await pglite.dumpDataDir('none');
    await pglite.close();
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, require('node:buffer').Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  process.env.ARBETSRUM_TEST_PGLITE_TEMPLATE = file;
}

/**
 * The same cluster with every migration applied (tests/support/pglite-migrated-template.ts), named
 * for the migrations it holds, so a changed or new migration makes a new one.
 */
function migratedTemplate() {
  const { existsSync, readdirSync, readFileSync } = require('node:fs');
  const { createHash } = require('node:crypto');
  const empty = process.env.ARBETSRUM_TEST_PGLITE_TEMPLATE;
  const dir = path.join(root(), 'bot', 'src', 'adapters', 'storage', 'migrations');
  const hash = createHash('sha256').update(empty);
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(path.join(dir, file)));
  const file = empty.replace(/\.tar$/, `-migrated-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!existsSync(file)) {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'pglite-migrated-template.ts'), empty, file], {
      cwd: root(),
      stdio: 'pipe',
    });
  }
  process.env.ARBETSRUM_TEST_PGLITE_MIGRATED = file;
}
