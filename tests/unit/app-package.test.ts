/**
 * The Teams app package (appPackage/, scripts/app-package/): the filled manifest and en.json are
 * valid against the v1.30 schemas bundled in @microsoft/app-manifest, offline; the icons follow
 * Teams' rules and are what the drawing code draws; every command, extension command and tab URL
 * points at something the bot or the tab has; `npm run package`'s builder writes the zip, or
 * names the variable it misses.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseCommand, type Command } from '../../bot/src/adapters/teams/commands';
import type { BotUseCases } from '../../bot/src/adapters/teams/bot-use-cases';
import {
  MESSAGE_EXTENSION_COMMANDS,
  MESSAGE_EXTENSION_MANIFEST_COMMANDS,
  fetchExtensionTask,
} from '../../bot/src/adapters/teams/message-extension';
import { tipMessages } from '../../bot/src/app/i18n/tip-messages';
import { buildAppPackage } from '../../scripts/app-package/build-package';
import { fillPlaceholders, placeholdersIn } from '../../scripts/app-package/fill-placeholders';
import { drawColorIcon, drawOutlineIcon, ACCENT_COLOUR } from '../../scripts/app-package/icons';
import { readPng } from '../../scripts/app-package/png';
import {
  consistencyProblems,
  iconProblems,
  schemaProblems,
  stringLeaves,
  validatePackage,
  type Manifest,
} from '../../scripts/app-package/validate-package';
import { silentLogger } from '../support/silent-logger';

const root = path.resolve(__dirname, '../..');
const appPackage = path.join(root, 'appPackage');
const read = (file: string): string => readFileSync(path.join(appPackage, file), 'utf8');

const DOMAIN = 'arbetsrum-test.example.se';
const ENV = {
  TEAMS_APP_ID: '0b6f2a55-1c4e-4d6a-9b1e-2f3a4b5c6d7e',
  BOT_ID: '1c7a3b66-2d5f-4e7b-8c2f-3a4b5c6d7e8f',
  TAB_APP_ID: '2d8b4c77-3e6a-4f8c-9d3a-4b5c6d7e8f90',
  APP_DOMAIN: DOMAIN,
};
const manifestText = read('manifest.json');
const manifest = JSON.parse(fillPlaceholders(manifestText, ENV, 'manifest.json')) as Manifest;
const en = JSON.parse(fillPlaceholders(read('en.json'), ENV, 'en.json')) as Record<string, string>;
const icons = { color: readFileSync(path.join(appPackage, 'color.png')), outline: readFileSync(path.join(appPackage, 'outline.png')) };

// Any network use would throw here and show up as a call.
const fetchSpy = jest.spyOn(globalThis, 'fetch').mockImplementation(() => {
  throw new Error('the app package test must not use the network');
});
afterAll(() => {
  expect(fetchSpy).not.toHaveBeenCalled();
  fetchSpy.mockRestore();
});

describe('manifest.json and en.json', () => {
  test('use exactly the placeholders env/.env.example documents', () => {
    expect(placeholdersIn(manifestText).sort()).toEqual(['APP_DOMAIN', 'BOT_ID', 'TAB_APP_ID', 'TEAMS_APP_ID']);
    expect(placeholdersIn(read('en.json'))).toEqual([]);
    const example = readFileSync(path.join(root, 'env/.env.example'), 'utf8');
    for (const name of placeholdersIn(manifestText)) expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
  });

  test('are valid against the bundled v1.30 schemas, offline', async () => {
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'sv-SE',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    expect(await schemaProblems(manifest, { 'en.json': en })).toEqual([]);
  });

  test('the schemas do reject a broken manifest and localisation file', async () => {
    const broken = { ...manifest, name: { short: 'x'.repeat(31) }, bots: [{ ...manifest.bots?.[0], botId: 'not-a-guid' }] };
    const problems = await schemaProblems(broken, { 'en.json': { ...en, 'staticTabs[0].nam': 'typo' } });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^manifest\.json: \/name\/short must NOT have more than 30 characters/),
        expect.stringMatching(/^manifest\.json: \/bots\/0\/botId must match pattern/),
        expect.stringMatching(/^en\.json: .*must NOT have additional properties/),
      ]),
    );
  });

  test('every command title, Swedish and English, is a distinct command the bot understands', () => {
    const every: Record<Command, true> = {
      help: true,
      propose: true,
      myProposals: true,
      myActions: true,
      nextMeeting: true,
      agenda: true,
      tip: true,
      competence: true,
    };
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    expect(lists).toHaveLength(1);
    const swedish = lists.flatMap((list) => list.commands.map((c) => c.title));
    const english = swedish.map((_title, i) => en[`bots[0].commandLists[0].commands[${i}].title`]);
    const sv = swedish.map((title) => parseCommand(title));
    expect(sv.sort()).toEqual(Object.keys(every).sort());
    expect(english.map((title) => parseCommand(title ?? ''))).toEqual(swedish.map((title) => parseCommand(title)));
  });

  test('the message extension declares the commands the bot answers', async () => {
    const commands = manifest.composeExtensions?.[0]?.commands ?? [];
    expect(commands).toEqual(MESSAGE_EXTENSION_MANIFEST_COMMANDS);
    expect(commands.map((c) => c.id).sort()).toEqual(Object.values(MESSAGE_EXTENSION_COMMANDS).sort());
    commands.forEach((_c, i) => expect(en[`composeExtensions[0].commands[${i}].title`]).toEqual(expect.any(String)));
    // A stranger is told to join a group for a command the bot knows; what it does not know it cannot read.
    const m = tipMessages('sv');
    const turn = { useCases: {} as BotUseCases, logger: silentLogger, locale: 'sv' as const, actor: async () => null };
    for (const { id } of commands) {
      expect(await fetchExtensionTask(turn, { commandId: id })).toEqual({ task: { type: 'message', value: m.onlyMembers } });
    }
    expect(await fetchExtensionTask(turn, { commandId: 'okandKommando' })).toEqual({ task: { type: 'message', value: m.cannotRead } });
  });

  test('every URL is the tab on APP_DOMAIN, and every #/view exists', () => {
    const routeSource = readFileSync(path.join(root, 'tab/src/route.ts'), 'utf8');
    const viewKeys = [...(/VIEW_KEYS[^=]*=\s*\[([^\]]*)\]/.exec(routeSource)?.[1] ?? '').matchAll(/'([a-z-]+)'/g)].map((match) => match[1]);
    expect(viewKeys).toEqual(expect.arrayContaining(['overview', 'privacy']));
    const urls = [...stringLeaves(manifest)].filter(([key, value]) => key !== '$schema' && /^https?:/.test(value));
    expect(urls.map(([key]) => key)).toEqual(
      expect.arrayContaining(['developer.privacyUrl', 'configurableTabs[0].configurationUrl', 'staticTabs[0].contentUrl']),
    );
    for (const [key, value] of urls) {
      expect([key, value.startsWith(`https://${DOMAIN}/tab/`)]).toEqual([key, true]);
      const view = /#\/([^/?]+)/.exec(value)?.[1];
      if (view !== undefined) expect(viewKeys).toContain(view);
    }
    expect(manifest.configurableTabs?.[0]?.configurationUrl).toBe(`https://${DOMAIN}/tab/?inTeams=1`);
    expect(manifest.validDomains).toEqual([DOMAIN]);
    expect(consistencyProblems(manifest, { 'en.json': en })).toEqual([]);
  });

  test('webApplicationInfo is the audience the service accepts (TAB_APP_ID_URI)', () => {
    expect(manifest.webApplicationInfo).toEqual({ id: ENV.TAB_APP_ID, resource: `api://${DOMAIN}/${ENV.TAB_APP_ID}` });
    expect(consistencyProblems(manifest, { 'en.json': en }, { TAB_APP_ID_URI: `api://${DOMAIN}/${ENV.TAB_APP_ID}` })).toEqual([]);
    // The service's default audience (api://<TAB_APP_ID>) is not Teams': the package says so.
    expect(consistencyProblems(manifest, { 'en.json': en }, { TAB_APP_ID_URI: `api://${ENV.TAB_APP_ID}` })).toEqual([
      expect.stringContaining('TAB_APP_ID_URI'),
    ]);
  });

  test('a string without its English translation, or a host outside validDomains, is refused', () => {
    const { 'staticTabs[0].name': _dropped, ...partial } = en;
    expect(consistencyProblems(manifest, { 'en.json': partial })).toEqual(['en.json: no translation for staticTabs[0].name']);
    const elsewhere = { ...manifest, developer: { ...manifest.developer, websiteUrl: 'https://elsewhere.example.se/' } };
    expect(consistencyProblems(elsewhere, { 'en.json': en })).toEqual([
      'developer.websiteUrl: elsewhere.example.se is not in validDomains',
    ]);
  });
});

describe('icons', () => {
  test('colour 192×192 full colour; outline 32×32 white on transparent', () => {
    expect(iconProblems(icons)).toEqual([]);
    const color = readPng(icons.color);
    const outline = readPng(icons.outline);
    expect([color.width, color.height, color.colourType]).toEqual([192, 192, 6]);
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    const pixel = (png: typeof color, x: number, y: number) => [...png.rgba.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4)];
    const accent = [1, 3, 5].map((i) => Number.parseInt(ACCENT_COLOUR.slice(i, i + 2), 16));
    expect(pixel(color, 0, 0)[3]).toBe(0); // rounded corner
    expect(pixel(color, 8, 96)).toEqual([...accent, 255]);
    expect(pixel(color, 96, 96)).toEqual([255, 255, 255, 255]); // the table
    expect(pixel(outline, 0, 0)).toEqual([255, 255, 255, 0]);
    expect(pixel(outline, 16, 16)).toEqual([255, 255, 255, 255]);
    // The colour icon is not an outline: the check that refuses it is live.
    expect(iconProblems({ color: icons.color, outline: icons.color })).toEqual(
      expect.arrayContaining(['outline icon: 192×192, must be 32×32', expect.stringMatching(/visible pixels are not pure white/)]),
    );
  });

  test('are what the drawing code draws (npm run icons), byte for byte', () => {
    expect(drawColorIcon().equals(icons.color)).toBe(true);
    expect(drawOutlineIcon().equals(icons.outline)).toBe(true);
  });
});

describe('npm run package', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'app-package-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const envText = (env: Record<string, string>): string =>
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n');

  test('writes a zip with the filled manifest, en.json and the icons at its root', async () => {
    const envFile = path.join(dir, '.env.test');
    writeFileSync(envFile, `# a comment\n${envText(ENV)}\n`);
    const outFile = await buildAppPackage({ envFile, outFile: path.join(dir, 'build', 'appPackage.test.zip') });
    const files = unzipSync(readFileSync(outFile));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const zipped = strFromU8(files['manifest.json']!);
    expect(zipped).not.toContain('${{');
    expect(JSON.parse(zipped)).toEqual(manifest);
    expect(JSON.parse(strFromU8(files['en.json']!))).toEqual(en);
    expect(Buffer.from(files['color.png']!).equals(icons.color)).toBe(true);
    expect(Buffer.from(files['outline.png']!).equals(icons.outline)).toBe(true);
    expect(await validatePackage({ manifest: JSON.parse(zipped), localisations: { 'en.json': en }, icons })).toEqual([]);
  });

  test('names a variable the env file does not set, and writes nothing', async () => {
    const { BOT_ID: _missing, ...rest } = ENV;
    const envFile = path.join(dir, '.env.partial');
    writeFileSync(envFile, `${envText(rest)}\nTAB_APP_ID=\n`);
    const outFile = path.join(dir, 'build', 'appPackage.partial.zip');
    await expect(buildAppPackage({ envFile, outFile })).rejects.toThrow('manifest.json needs BOT_ID, TAB_APP_ID: not set in the env file');
    expect(existsSync(outFile)).toBe(false);
  });
});
