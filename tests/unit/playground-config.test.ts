/**
 * The Playground's mock Teams must name seeded people (same tenant, object ids, mail), or whoever
 * chats in local mode is a stranger to the bot.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGroupSeed } from '../../bot/src/adapters/storage/seed-file';

const root = path.resolve(__dirname, '..', '..');
const yml = readFileSync(path.join(root, '.m365agentsplayground.yml'), 'utf8');
const seed = parseGroupSeed(JSON.parse(readFileSync(path.join(root, 'bot', 'seed', 'ekologiska-hallbarhetsgruppen.json'), 'utf8')));

/** The few fields we need, read line by line: the file is flat enough not to need a YAML parser. */
function users(): { name: string; email: string; aadObjectId: string }[] {
  const blocks = yml.split(/\n(?=currentUser:| {2}- id:)/).slice(1);
  return blocks.map((block) => ({
    name: /\bname: (.+)/.exec(block)?.[1]?.trim() ?? '',
    email: /\bemail: (.+)/.exec(block)?.[1]?.trim() ?? '',
    aadObjectId: /\baadObjectId: (.+)/.exec(block)?.[1]?.trim() ?? '',
  }));
}

describe('.m365agentsplayground.yml', () => {
  it('uses the seed tenant and the seed team', () => {
    expect(/^tenantId: (.+)$/m.exec(yml)?.[1]).toBe(seed.tenant.id);
    expect(/^team:\n {2}id: ["']?([^"'\n]+)["']?$/m.exec(yml)?.[1]).toBe(seed.group.teamId);
  });

  it('has the current user and exactly five others, each a seeded person', () => {
    const found = users();
    expect(found).toHaveLength(6);
    for (const user of found) {
      const person = seed.people.find((p) => p.email === user.email);
      expect(person).toMatchObject({ name: user.name, aadObjectId: user.aadObjectId });
    }
  });

  it('lets you chat as a delegate', () => {
    const current = users()[0]!;
    expect(seed.people.find((p) => p.email === current.email)?.role).toBe('delegate');
  });
});
