#!/usr/bin/env node
// Builds the Teams tab: esbuild bundles tab/src/main.tsx into tab/dist/app.js (ESM, with a source
// map; teams-js is split into a chunk that only loads inside Teams) and copies tab/index.html and
// tab/static/* next to it. index.html loads ./app.js as a module with a relative URL, so the tab
// works under /tab/ and with a CSP that forbids inline scripts.
//
//   node scripts/build-tab.mjs            # minified production build
//   node scripts/build-tab.mjs --no-minify
//   import { buildTab } from './build-tab.mjs'; await buildTab({ minify: false });
import { cp, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tabDir = join(root, 'tab');
const outdir = join(tabDir, 'dist');

/**
 * `entry` is for the benchmark's baseline page (bench/cases/tab.ts): another page built exactly like the tab.
 * @param {{ minify?: boolean, outdir?: string, quiet?: boolean, entry?: string }} [options]
 * @returns {Promise<{ outdir: string, files: { path: string, bytes: number, gzipBytes: number }[], gzipBytes: number, ms: number }>}
 */
export async function buildTab({ minify = true, outdir: finalOut = outdir, quiet = false, entry = join(tabDir, 'src', 'main.tsx') } = {}) {
  const started = performance.now();
  // Build beside the old bundle and swap at the end, so a running service never serves half a build.
  const out = `${finalOut}.building-${process.pid}`;
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { app: entry },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome109', 'edge109', 'safari16', 'firefox115'],
    jsx: 'automatic',
    minify,
    sourcemap: 'linked',
    legalComments: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    tsconfig: join(tabDir, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: quiet ? 'silent' : 'warning',
  });

  await cp(join(tabDir, 'index.html'), join(out, 'index.html'));
  const staticDir = join(tabDir, 'static');
  if (await exists(staticDir)) await cp(staticDir, out, { recursive: true });

  const files = [];
  for (const path of await listFiles(out)) {
    if (!/\.(js|css)$/.test(path)) continue;
    const content = await readFile(path);
    files.push({ path: relative(out, path), bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length });
  }
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const previous = `${finalOut}.old-${process.pid}`;
  await rename(finalOut, previous).catch(() => undefined);
  await rename(out, finalOut);
  await rm(previous, { recursive: true, force: true });
  const ms = Math.round(performance.now() - started);

  if (!quiet) {
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    for (const f of files.sort((a, b) => a.path.localeCompare(b.path))) {
      console.log(`  ${f.path.padEnd(40)} ${kb(f.bytes).padStart(10)}  ${kb(f.gzipBytes).padStart(9)} gz`);
    }
    const initial = files.filter((f) => !f.path.startsWith('chunks/')).reduce((sum, f) => sum + f.gzipBytes, 0);
    console.log(
      `build-tab: ${relative(root, finalOut)}/ in ${ms} ms; JS+CSS ${kb(gzipBytes)} gzipped ` +
        `(${kb(initial)} loaded in a browser, the rest only inside Teams)`,
    );
  }
  return { outdir: finalOut, files, gzipBytes, ms };
}

async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function listFiles(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildTab({ minify: !process.argv.includes('--no-minify') }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
