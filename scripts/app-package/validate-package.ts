/**
 * Checks a filled app package offline, for `npm run package` and tests/unit/app-package.test.ts
 * alike: the manifest and its localisation files against the JSON schemas bundled in
 * @microsoft/app-manifest (read from disk, never fetched), the icons against Teams' rules, and
 * what no schema knows: the message extension's commands are the bot's, every localisable string
 * has a translation, every URL's host is a valid domain, the SSO resource is the service's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { AppManifestUtils, type TeamsManifestV1D30 } from '@microsoft/app-manifest';
import { MESSAGE_EXTENSION_MANIFEST_COMMANDS } from '../../bot/src/adapters/teams/message-extension';
import { COLOUR_TYPE_RGB, COLOUR_TYPE_RGBA, readPng } from './png';

export type Manifest = TeamsManifestV1D30.TeamsManifestV1D30;
type Json = Record<string, unknown>;

export interface PackageContents {
  /** manifest.json, placeholders filled. */
  manifest: unknown;
  /** Each additional language's file, by its name in `localizationInfo` (en.json), parsed. */
  localisations: Record<string, unknown>;
  icons: { color: Buffer; outline: Buffer };
}

const SCHEMA_BASE = 'https://developer.microsoft.com/json-schemas/teams';
const schemaDir = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams');
// The package types the schema argument as its own manifest type; both files are plain JSON here.
const validateAgainst = AppManifestUtils.validateAgainstSchema.bind(AppManifestUtils) as unknown as (
  value: unknown,
  schema: Json,
) => Promise<string[]>;

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The bundled schema for `manifestVersion`, or null when the package does not ship that version. */
function bundledSchema(version: string, file: string): Json | null {
  if (!/^(\d+\.\d+|devPreview)$/.test(version)) return null;
  try {
    return JSON.parse(readFileSync(path.join(schemaDir, `v${version}`, file), 'utf8')) as Json;
  } catch {
    return null;
  }
}

/**
 * The localisation schema, fixed: from v1.22 on, two pattern keys end in `\b]`, which Ajv 8's
 * unicode regular expressions reject ("Lone quantifier brackets"); the `]` is meant literally.
 */
function localisationSchema(version: string): Json | null {
  const schema = bundledSchema(version, 'MicrosoftTeams.Localization.schema.json');
  if (!schema) return null;
  const patterns = isJson(schema.patternProperties) ? schema.patternProperties : {};
  const fixed = Object.entries(patterns).map(([key, value]) => [key.replace(/\\b\]/g, '\\b\\]'), value]);
  return { ...schema, patternProperties: Object.fromEntries(fixed) };
}

export async function schemaProblems(manifest: unknown, localisations: Record<string, unknown>): Promise<string[]> {
  const version = isJson(manifest) && typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  const schema = bundledSchema(version, 'MicrosoftTeams.schema.json');
  const locSchema = localisationSchema(version);
  if (!schema || !locSchema) return [`manifest.json: manifestVersion "${version}" has no schema in @microsoft/app-manifest`];
  const problems: string[] = [];
  const expect = (file: string, value: unknown, schemaFile: string): void => {
    const url = `${SCHEMA_BASE}/v${version}/${schemaFile}`;
    if (!isJson(value) || value.$schema !== url) problems.push(`${file}: $schema must be ${url}`);
  };
  expect('manifest.json', manifest, 'MicrosoftTeams.schema.json');
  problems.push(...(await validateAgainst(manifest, schema)).map((error) => `manifest.json: ${error}`));
  for (const [file, localisation] of Object.entries(localisations)) {
    expect(file, localisation, 'MicrosoftTeams.Localization.schema.json');
    problems.push(...(await validateAgainst(localisation, locSchema)).map((error) => `${file}: ${error}`));
  }
  return problems;
}

/** Teams' icon rules: colour 192×192 in full colour; outline 32×32, white on transparent. */
export function iconProblems(icons: { color: Buffer; outline: Buffer }): string[] {
  const problems: string[] = [];
  const read = (name: string, bytes: Buffer) => {
    try {
      return readPng(bytes);
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
  const color = read('color icon', icons.color);
  if (color && (color.width !== 192 || color.height !== 192)) problems.push(`color icon: ${color.width}×${color.height}, must be 192×192`);
  if (color && color.colourType !== COLOUR_TYPE_RGB && color.colourType !== COLOUR_TYPE_RGBA) problems.push('color icon: must be RGB(A)');
  const outline = read('outline icon', icons.outline);
  if (!outline) return problems;
  if (outline.width !== 32 || outline.height !== 32) problems.push(`outline icon: ${outline.width}×${outline.height}, must be 32×32`);
  if (outline.colourType !== COLOUR_TYPE_RGBA) problems.push('outline icon: must have an alpha channel');
  let transparent = 0;
  let visible = 0;
  let notWhite = 0;
  for (let i = 0; i < outline.rgba.length; i += 4) {
    if (outline.rgba[i + 3] === 0) transparent++;
    else visible++;
    if (outline.rgba[i + 3] !== 0 && (outline.rgba[i] !== 255 || outline.rgba[i + 1] !== 255 || outline.rgba[i + 2] !== 255)) notWhite++;
  }
  if (notWhite > 0) problems.push(`outline icon: ${notWhite} visible pixels are not pure white`);
  if (transparent === 0 || visible === 0) problems.push('outline icon: must be a white shape on a transparent background');
  return problems;
}

/** Every string in a JSON value, by its localisation-file key: `bots[0].commandLists[0].commands[1].title`. */
export function stringLeaves(value: unknown, at = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  if (typeof value === 'string') leaves.set(at, value);
  else if (Array.isArray(value)) value.forEach((item, i) => stringLeaves(item, `${at}[${i}]`).forEach((v, k) => leaves.set(k, v)));
  else if (isJson(value)) {
    for (const [key, item] of Object.entries(value)) stringLeaves(item, at ? `${at}.${key}` : key).forEach((v, k) => leaves.set(k, v));
  }
  return leaves;
}

function localisableKey(version: string): (key: string) => boolean {
  const schema = localisationSchema(version) ?? {};
  const named = Object.keys(isJson(schema.properties) ? schema.properties : {}).filter((k) => k !== '$schema' && k !== 'localizationKeys');
  const patterns = Object.keys(isJson(schema.patternProperties) ? schema.patternProperties : {}).map((p) => new RegExp(p, 'u'));
  return (key) => named.includes(key) || patterns.some((pattern) => pattern.test(key));
}

function hostAllowed(host: string, validDomains: readonly string[]): boolean {
  return validDomains.some((domain) => domain === host || (domain.startsWith('*.') && host.endsWith(domain.slice(1))));
}

/** What the schema cannot know. Run on a manifest that passed the schema. */
export function consistencyProblems(
  manifest: Manifest,
  localisations: Record<string, unknown>,
  env: Record<string, string> = {},
): string[] {
  const problems: string[] = [];
  const extension = manifest.composeExtensions?.[0];
  if (!isDeepStrictEqual(extension?.commands, MESSAGE_EXTENSION_MANIFEST_COMMANDS)) {
    problems.push(
      'composeExtensions[0].commands must equal MESSAGE_EXTENSION_MANIFEST_COMMANDS (bot/src/adapters/teams/message-extension.ts)',
    );
  }
  if (extension && extension.botId !== manifest.bots?.[0]?.botId) problems.push('composeExtensions[0].botId must be the bot’s id');

  const leaves = stringLeaves(manifest);
  const localisable = [...leaves.keys()].filter(localisableKey(manifest.manifestVersion));
  for (const [file, localisation] of Object.entries(localisations)) {
    const keys = Object.keys(isJson(localisation) ? localisation : {}).filter((key) => key !== '$schema');
    const missing = localisable.filter((key) => !keys.includes(key));
    const stale = keys.filter((key) => !leaves.has(key));
    if (missing.length > 0) problems.push(`${file}: no translation for ${missing.join(', ')}`);
    if (stale.length > 0) problems.push(`${file}: ${stale.join(', ')} not in manifest.json`);
  }

  const validDomains = manifest.validDomains ?? [];
  for (const domain of validDomains) {
    if (!/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(domain))
      problems.push(`validDomains: "${domain}" is not a host name (APP_DOMAIN without https://)`);
  }
  for (const [key, value] of leaves) {
    if (key === '$schema' || !/^[a-z]+:\/\//i.test(value) || key === 'webApplicationInfo.resource') continue;
    const url = URL.parse(value);
    if (url?.protocol !== 'https:') problems.push(`${key}: ${value} must be an https URL`);
    else if (!hostAllowed(url.host, validDomains)) problems.push(`${key}: ${url.host} is not in validDomains`);
  }

  // Teams asks for a token for this resource only when its host is the tab's: api://<domain>/<app id>.
  const resource = manifest.webApplicationInfo?.resource;
  const resourceUrl = resource === undefined ? null : URL.parse(resource);
  const resourceOk =
    resourceUrl?.protocol === 'api:' &&
    hostAllowed(resourceUrl.host, validDomains) &&
    resourceUrl.pathname === `/${manifest.webApplicationInfo?.id}`;
  if (resource !== undefined && !resourceOk) {
    problems.push(`webApplicationInfo.resource: ${resource} must be api://<a valid domain>/<webApplicationInfo.id>`);
  }
  const serviceAudience = env.TAB_APP_ID_URI?.trim();
  if (serviceAudience && resource !== serviceAudience) {
    problems.push(
      `webApplicationInfo.resource is ${resource}, but TAB_APP_ID_URI (the audience the service accepts) is ${serviceAudience}`,
    );
  }
  return problems;
}

/** Every problem with a filled package; an empty list when Teams should accept it. */
export async function validatePackage(contents: PackageContents, env: Record<string, string> = {}): Promise<string[]> {
  const problems = [...(await schemaProblems(contents.manifest, contents.localisations)), ...iconProblems(contents.icons)];
  if (problems.length > 0) return problems;
  return consistencyProblems(contents.manifest as Manifest, contents.localisations, env);
}
