import { parseGroupSeed } from '../../../bot/src/adapters/storage/seed-file';
import { aGroupSeed } from '../../support/group-seed-mother';

describe('seed file validation', () => {
  it('accepts a valid seed', () => {
    expect(parseGroupSeed(aGroupSeed()).group.name).toBe('Hållbarhetsgruppen');
  });

  it('names the field of every problem', () => {
    const seed = aGroupSeed();
    const broken = { ...seed, people: [{ ...seed.people[0], organisation: 'nope', email: 'not-mail' }, ...seed.people.slice(1)] };
    expect(() => parseGroupSeed(broken)).toThrow(/people\.0\.email.*people\.0\.organisation: unknown organisation key "nope"/s);
  });

  it('refuses a group without exactly two strategists', () => {
    const seed = aGroupSeed();
    expect(() => parseGroupSeed({ ...seed, people: seed.people.slice(1) })).toThrow(/exactly two strategists/);
  });

  it('takes only an https meeting link, since the tab and the cards show it as a link', () => {
    const seed = aGroupSeed();
    const withLink = (onlineUrl: string) => ({ ...seed, meetings: { ...seed.meetings, onlineUrl } });
    for (const bad of ['javascript:alert(1)', 'http://teams.example/möte', 'data:text/html,<script>x</script>'])
      expect(() => parseGroupSeed(withLink(bad))).toThrow(/onlineUrl/);
    expect(parseGroupSeed(withLink('https://teams.microsoft.com/l/meetup-join/x')).meetings.onlineUrl).toBe(
      'https://teams.microsoft.com/l/meetup-join/x',
    );
  });
});
