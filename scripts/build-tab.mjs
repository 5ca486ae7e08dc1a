#!/usr/bin/env node
// Builds the Teams tab: esbuild bundles tab/src/main.tsx into tab/dist/app.js (ESM, with a source
// map; teams-js is split into a chunk that only loads inside Teams) and copies tab/index.html and
// tab/static/* next to it. index.html loads ./app.js as a module with a relative URL, so the tab
// works under /tab/ and with a CSP that forbids inline scripts.
//
// Three things keep the first view small and quick (docs/performance.md, "tab"):
// - Imports from the `@fluentui/react-components` barrel are rewritten, at build time, into
//   imports from the packages it re-exports (`Button` from `@fluentui/react-button`, …). With code
//   splitting esbuild follows every re-export of a barrel the first view imports, so the dialogs,
//   menus and comboboxes of the lazy views would otherwise land in the chunk the first view loads.
// - Every module our sources import lazily (`import('./views/…')`) is told to import the start
//   module (tab/src/app.tsx) too. A lazy view only ever loads after the app, so this changes
//   nothing at run time; but esbuild splits shared code by *which* entry points use it, and
//   without it everything the first view shares with some lazy views is cut into a chunk per
//   combination of views (two dozen small files the first view must fetch). With it, the first
//   view's code is one chunk.
// - index.html gets a <link rel="modulepreload"> for every chunk app.js needs before it can draw:
//   its static imports, and those of the app module it imports at once (tab/src/app.tsx), so the
//   browser fetches them all at the same time instead of one level after the other.
//
//   node scripts/build-tab.mjs            # minified production build
//   node scripts/build-tab.mjs --no-minify
//   import { buildTab } from './build-tab.mjs'; await buildTab({ minify: false });
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { firstChunks, firstViewSplitting, withModulePreloads } from './build-tab-first-view.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tabDir = join(root, 'tab');
const outdir = join(tabDir, 'dist');
/** The module main.tsx imports at once (after starting the first API calls): preloaded with app.js. */
const startModule = join(tabDir, 'src', 'app.tsx');

/**
 * `entry` is for the benchmark's baseline page (bench/cases/tab.ts): another page built exactly like the tab.
 * @param {{ minify?: boolean, outdir?: string, quiet?: boolean, entry?: string }} [options]
 * `firstView`: app.js and the chunks index.html preloads; `metafile`: esbuild's, to see what went where.
 * @returns {Promise<{ outdir: string, files: { path: string, bytes: number, gzipBytes: number }[], gzipBytes: number, ms: number, firstView: string[], metafile: esbuild.Metafile }>}
 */
export async function buildTab({ minify = true, outdir: finalOut = outdir, quiet = false, entry = join(tabDir, 'src', 'main.tsx') } = {}) {
  const started = performance.now();
  // Build beside the old bundle and swap at the end, so a running service never serves half a build.
  const out = `${finalOut}.building-${process.pid}`;
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });

  const result = await esbuild.build({
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
    metafile: true,
    plugins: [firstViewSplitting(startModule, tabDir)],
  });

  const html = await readFile(join(tabDir, 'index.html'), 'utf8');
  const preloaded = firstChunks(result.metafile, out, root, startModule);
  await writeFile(join(out, 'index.html'), withModulePreloads(html, preloaded));
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
    const first = new Set(['app.js', ...preloaded]);
    const initial = files.filter((f) => first.has(f.path.split(sep).join('/'))).reduce((sum, f) => sum + f.gzipBytes, 0);
    console.log(
      `build-tab: ${relative(root, finalOut)}/ in ${ms} ms; JS+CSS ${kb(gzipBytes)} gzipped ` +
        `(${kb(initial)} in the ${first.size} files the first view loads; the rest when a view or Teams needs it)`,
    );
  }
  return { outdir: finalOut, files, gzipBytes, ms, firstView: ['app.js', ...preloaded], metafile: result.metafile };
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
