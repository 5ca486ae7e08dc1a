/**
 * `${{VAR}}` placeholders, as Microsoft 365 Agents Toolkit writes them in appPackage/ and fills
 * them from `env/.env.<name>`: the same syntax and files, so `npm run package` and the toolkit's
 * `teamsApp/zipAppPackage` build the same package from the same environment.
 */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class PackageError extends Error {
  override name = 'PackageError';
}

/** The variables an env file sets, as `node --env-file` would read them (comments, quotes). */
export function readEnvFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PackageError(`cannot read ${file}: copy env/.env.example to it and fill in the values`);
  }
  return Object.fromEntries(Object.entries(parseEnv(text)).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The placeholders a text uses, each once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

/**
 * The JSON text with every placeholder replaced; the placeholders sit inside JSON strings, so the
 * values are escaped as such. A variable that is unset or empty is an error, named with all the
 * others missing from the same text: a package with an empty id is never written.
 */
export function fillPlaceholders(text: string, env: Record<string, string>, source: string): string {
  const missing = placeholdersIn(text).filter((name) => !env[name]?.trim());
  if (missing.length > 0) throw new PackageError(`${source} needs ${missing.join(', ')}: not set in the env file`);
  return text.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify((env[name] ?? '').trim()).slice(1, -1));
}
