// The first view's part of the tab's build (scripts/build-tab.mjs): the esbuild plugin that keeps
// the first view's code in one chunk without the lazy views' components, and the modulepreload
// links index.html gets for it. Why each is needed is said at the head of build-tab.mjs.
import { readFile } from 'node:fs/promises';
import { dirname, extname, relative, resolve, sep } from 'node:path';

const BARREL = '@fluentui/react-components';
const BARREL_IMPORT = /import\s*\{([^}]*)\}\s*from\s*'@fluentui\/react-components';/g;

/**
 * The two source rewrites described at the head of this file, for our own sources (not
 * node_modules). Both keep every line where it was, so source maps still point at the right lines.
 * - `import { Button, makeStyles } from '@fluentui/react-components'` becomes one import per
 *   package the barrel re-exports those names from, resolved from the barrel's own folder (so
 *   exactly the copies it would have used). Type-only names are dropped (esbuild drops them
 *   anyway). An import with a name the barrel's export list does not show is left as it is:
 *   still correct, only not split.
 * - A module that some relative `import()` loads gets `import "<start module>";` in front. The
 *   start module itself, imported lazily by main.tsx, does not.
 * @param {string} startModule tab/src/app.tsx, which every lazily loaded module is made to import
 * @param {string} tabDir where the barrel is resolved from
 * @returns {import('esbuild').Plugin}
 */
export function firstViewSplitting(startModule, tabDir) {
  return {
    name: 'first-view-splitting',
    setup(build) {
      /** @type {Promise<Map<string, { from: string, name: string }>> | undefined} */
      let exportsOnce;
      const barrelExports = () => (exportsOnce ??= readBarrelExports(build, tabDir));
      const lazyModules = new Set();
      const ours = (path) => !path.split(sep).includes('node_modules');

      build.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.firstViewSplitting || !ours(args.importer)) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { firstViewSplitting: true },
        });
        if (resolved.errors.length === 0 && resolved.path !== startModule) lazyModules.add(resolved.path);
        return resolved.errors.length > 0 ? { errors: resolved.errors } : resolved;
      });

      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        if (!ours(args.path)) return undefined;
        const lazy = lazyModules.has(args.path);
        const source = await readFile(args.path, 'utf8');
        if (!lazy && !source.includes(BARREL)) return undefined;
        const names = await barrelExports();
        let contents = source.replace(BARREL_IMPORT, (statement, list) => {
          /** @type {Map<string, string[]>} */
          const byPackage = new Map();
          for (const specifier of list.split(',').map((s) => s.trim())) {
            if (!specifier || specifier.startsWith('type ')) continue;
            const [imported, local = imported] = specifier.split(/\s+as\s+/);
            const target = names.get(imported);
            if (!target) return statement;
            const bindings = byPackage.get(target.from) ?? [];
            bindings.push(target.name === local ? local : `${target.name} as ${local}`);
            byPackage.set(target.from, bindings);
          }
          const imports = [...byPackage].map(([from, bindings]) => `import { ${bindings.join(', ')} } from ${JSON.stringify(from)};`);
          return imports.join(' ') + '\n'.repeat(statement.split('\n').length - 1);
        });
        if (lazy) contents = `import ${JSON.stringify(startModule)}; ${contents}`;
        const loader = /** @type {import('esbuild').Loader} */ (extname(args.path).slice(1).replace(/^[cm]/, ''));
        return { contents, loader, resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * The barrel's `export { a, b as c } from "pkg"` lines, each name with the path of the package it
 * comes from (resolved from the barrel's folder) and its name there.
 * @param {import('esbuild').PluginBuild} build
 * @param {string} tabDir
 */
async function readBarrelExports(build, tabDir) {
  const barrel = await build.resolve(BARREL, { kind: 'import-statement', resolveDir: tabDir });
  if (barrel.errors.length > 0) throw new Error(`build-tab: cannot resolve ${BARREL}`);
  const source = (await readFile(barrel.path, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  /** @type {Map<string, { from: string, name: string }>} */
  const names = new Map();
  for (const [, list, from] of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    const resolved = await build.resolve(from, { kind: 'import-statement', resolveDir: dirname(barrel.path) });
    if (resolved.errors.length > 0) continue;
    for (const specifier of list.split(',').map((s) => s.trim())) {
      if (!specifier || specifier.startsWith('type ')) continue;
      const [name, exported = name] = specifier.split(/\s+as\s+/);
      names.set(exported, { from: resolved.path, name });
    }
  }
  return names;
}

/**
 * The chunks (paths relative to the output folder) app.js needs before it draws: its static
 * imports and, when it imports the start module, that module's chunk and its static imports.
 * @param {import('esbuild').Metafile} metafile
 * @param {string} out the output folder
 * @param {string} root the project's folder (metafile paths are relative to it)
 * @param {string} startModule
 */
export function firstChunks(metafile, out, root, startModule) {
  const key = (file) => relative(out, resolve(root, file)).split(sep).join('/');
  const outputs = new Map(Object.entries(metafile.outputs).map(([file, output]) => [key(file), output]));
  const startChunk = [...outputs].find(([, output]) => output.entryPoint && resolve(root, output.entryPoint) === startModule)?.[0];
  const app = outputs.get('app.js');
  const wanted = new Set();
  const visit = (file) => {
    if (wanted.has(file) || !outputs.has(file)) return;
    wanted.add(file);
    for (const imported of outputs.get(file)?.imports ?? []) {
      if (imported.kind === 'import-statement') visit(key(imported.path));
    }
  };
  visit('app.js');
  if (startChunk && app?.imports.some((i) => i.kind === 'dynamic-import' && key(i.path) === startChunk)) visit(startChunk);
  wanted.delete('app.js');
  return [...wanted].sort();
}

/** @param {string} html @param {string[]} chunks */
export function withModulePreloads(html, chunks) {
  const script = '<script type="module" src="./app.js"></script>';
  if (chunks.length === 0) return html;
  if (!html.includes(script)) throw new Error(`build-tab: tab/index.html no longer has ${script}`);
  const indent = /([ \t]*)<script type="module" src="\.\/app\.js"><\/script>/.exec(html)?.[1] ?? '';
  // After the script: the browser asks for app.js first, and it starts the API calls.
  const links = chunks.map((chunk) => `\n${indent}<link rel="modulepreload" href="./${chunk}" />`).join('');
  return html.replace(script, `${script}${links}`);
}
