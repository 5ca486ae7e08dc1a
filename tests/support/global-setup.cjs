/**
 * Builds the tab once before any test runs, so the browser test and the `npm start` test serve
 * the same finished bundle instead of racing to rebuild it.
 */
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async function globalSetup() {
  const root = path.resolve(__dirname, '..', '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-tab.mjs')], { cwd: root, stdio: 'pipe' });
};
