/**
 * Builds the Teams app package: manifest.json with its placeholders filled from an env file,
 * the localisation files and icons it names, validated (validate-package.ts), zipped at the
 * zip's root as Teams requires. The zip has a fixed date and a fixed file order, so the same
 * inputs give the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { fillPlaceholders, PackageError, readEnvFile } from './fill-placeholders';
import { validatePackage, type PackageContents } from './validate-package';

export const APP_PACKAGE_DIR = path.resolve(__dirname, '../../appPackage');
/** Local time on purpose: fflate writes DOS dates from local-time fields, and they start in 1980. */
const ZIP_DATE = new Date(1980, 0, 2);

export interface BuildOptions {
  envFile: string;
  outFile: string;
  /** Where manifest.json, en.json and the icons are read; appPackage/ unless a test says otherwise. */
  appPackageDir?: string;
}

function readFilled(dir: string, file: string, env: Record<string, string>): { text: string; json: unknown } {
  let raw: string;
  try {
    raw = readFileSync(path.join(dir, file), 'utf8');
  } catch {
    throw new PackageError(`cannot read ${file} in ${dir}`);
  }
  const text = fillPlaceholders(raw, env, file);
  try {
    return { text, json: JSON.parse(text) };
  } catch (error) {
    throw new PackageError(`${file} is not valid JSON once filled: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function readBytes(dir: string, file: unknown, role: string): Buffer {
  // A name from the manifest: only a plain file next to it, never a path out of the folder.
  if (typeof file !== 'string' || path.basename(file) !== file) throw new PackageError(`${role} must name a file in appPackage/`);
  try {
    return readFileSync(path.join(dir, file));
  } catch {
    throw new PackageError(`cannot read ${file} (${role}); npm run icons draws the icons`);
  }
}

/** Writes the zip and returns its path; throws PackageError naming every problem found. */
export async function buildAppPackage({ envFile, outFile, appPackageDir = APP_PACKAGE_DIR }: BuildOptions): Promise<string> {
  const env = readEnvFile(envFile);
  const manifest = readFilled(appPackageDir, 'manifest.json', env);
  const m = manifest.json as {
    icons?: { color?: unknown; outline?: unknown };
    localizationInfo?: { additionalLanguages?: { file?: unknown }[] };
  };
  const languageFiles = (m.localizationInfo?.additionalLanguages ?? []).map((language) => language.file);
  const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(manifest.text) };
  const localisations: Record<string, unknown> = {};
  for (const file of languageFiles) {
    if (typeof file !== 'string' || path.basename(file) !== file) throw new PackageError('localizationInfo must name files in appPackage/');
    const filled = readFilled(appPackageDir, file, env);
    files[file] = strToU8(filled.text);
    localisations[file] = filled.json;
  }
  const icons = {
    color: readBytes(appPackageDir, m.icons?.color, 'icons.color'),
    outline: readBytes(appPackageDir, m.icons?.outline, 'icons.outline'),
  };
  files[m.icons?.color as string] = icons.color;
  files[m.icons?.outline as string] = icons.outline;

  const contents: PackageContents = { manifest: manifest.json, localisations, icons };
  const problems = await validatePackage(contents, env);
  if (problems.length > 0) throw new PackageError(`the app package is not valid:\n  ${problems.join('\n  ')}`);

  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, zipSync(files, { level: 9, mtime: ZIP_DATE }));
  return outFile;
}
