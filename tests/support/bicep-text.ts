/**
 * Just enough of Bicep to read settings out of infra/*.bicep as text: no Bicep compiler can be
 * installed here. It finds a resource or module by its type, the `{ ... }` block of a key, and the
 * `key: value` entries of a block, one a line, as the files under infra/ are written.
 */

/** The text without `//` comments (a `//` inside a '...' string, as in https://, stays). */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let inString = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '\\' && inString) i++;
        else if (c === "'") inString = !inString;
        else if (!inString && c === '/' && line[i + 1] === '/') return line.slice(0, i);
      }
      return line;
    })
    .join('\n');
}

/** The inside of the `{ ... }` that opens at or after `from`. Interpolations `${...}` balance, so counting braces is enough. */
function blockFrom(text: string, from: number): string {
  const open = text.indexOf('{', from);
  if (open < 0) throw new Error(`no block after offset ${from}`);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced block at offset ${open}`);
}

/** The body of every `resource <name> '<type>@<version>' = {`, in file order. */
export function resources(text: string, type: string): string[] {
  const head = new RegExp(`^resource \\w+ '${type.replace(/[./]/g, '\\$&')}@[\\w-]+' = `, 'gm');
  return [...text.matchAll(head)].map((m) => blockFrom(text, m.index));
}

/** The one resource of a type; fails when there is none or more than one. */
export function resource(text: string, type: string): string {
  const found = resources(text, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as string;
}

/** The body of `module <name> '<path>' = {`. */
export function moduleCall(text: string, path: string): string {
  const at = text.indexOf(`'${path}' = `);
  if (at < 0) throw new Error(`no module ${path}`);
  return blockFrom(text, at);
}

/** The `{ ... }` a key opens inside a block, e.g. `properties` or `siteConfig`. */
export function child(block: string, key: string): string {
  const m = new RegExp(`^\\s*${key}: \\{`, 'm').exec(block);
  if (!m) throw new Error(`no ${key}: { ... }`);
  return blockFrom(block, m.index);
}

/** A block's own `key: value` lines (not those of nested blocks), values as written. */
export function entries(block: string): Map<string, string> {
  const out = new Map<string, string>();
  let depth = 0;
  for (const line of block.split('\n')) {
    const m = /^\s*'?([\w$-]+)'?: (.+?)\s*$/.exec(line);
    if (depth === 0 && m) out.set(m[1] as string, m[2] as string);
    for (const c of line) depth += c === '{' || c === '[' ? 1 : c === '}' || c === ']' ? -1 : 0;
    // A one-line `{ ... }` value opens and closes on its own line: depth is back to 0.
  }
  return out;
}

/** A value's `${...}` interpolations, in order. */
export function interpolations(value: string): string[] {
  return [...value.matchAll(/\$\{([^}]+)\}/g)].map((m) => (m[1] as string).trim());
}

/** A '...' literal's text with `fill` applied to each interpolation; undefined for an expression. */
export function literal(value: string, fill: (expression: string, index: number) => string = (e) => `\${${e}}`): string | undefined {
  if (!/^'.*'$/.test(value)) return undefined;
  let index = 0;
  return value
    .slice(1, -1)
    .replace(/\$\{([^}]+)\}/g, (_, e: string) => fill(e.trim(), index++))
    .replace(/\\'/g, "'");
}

/** `param <name> <type> = <default>`: the default as written, or undefined. */
export function paramDefault(text: string, name: string): string | undefined {
  return new RegExp(`^param ${name} \\w+ = (.+)$`, 'm').exec(text)?.[1]?.trim();
}
