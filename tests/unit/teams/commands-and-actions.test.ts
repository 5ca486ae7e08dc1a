import { parseCardAction } from '../../../bot/src/adapters/teams/card-actions';
import { parseCommand } from '../../../bot/src/adapters/teams/commands';

describe('commands', () => {
  it.each([
    ['hjälp', 'help'],
    ['HJALP!', 'help'],
    ['Föreslå', 'propose'],
    ['foresla', 'propose'],
    ['propose.', 'propose'],
    ['mina  förslag', 'myProposals'],
    ['My Proposals', 'myProposals'],
    ['mina åtgärder', 'myActions'],
    ['Mina atgarder!', 'myActions'],
    ['my actions', 'myActions'],
    ['nästa möte', 'nextMeeting'],
  ])('reads %j as %s', (text, command) => {
    expect(parseCommand(text)).toBe(command);
  });

  it('does not guess at anything else', () => {
    expect(parseCommand('föreslå att vi fikar')).toBeNull();
    expect(parseCommand('')).toBeNull();
  });
});

describe('card actions', () => {
  const submit = {
    submissionKey: 'k1',
    proposalId: '',
    groupId: 'g1',
    title: 'T',
    description: '',
    kind: 'beslut',
    organisationId: 'o1',
    goalIds: 'a,b',
    minutesNeeded: '15',
    meetingId: 'm1',
  };

  it('reads a submitted form, whether the verb comes from Action.Execute or the Submit fallback', () => {
    const expected = {
      verb: 'proposal.submit',
      submissionKey: 'k1',
      proposalId: null,
      groupId: 'g1',
      title: 'T',
      description: '',
      kind: 'beslut',
      organisationId: 'o1',
      goalIds: ['a', 'b'],
      minutesNeeded: 15,
      meetingId: 'm1',
    };
    expect(parseCardAction('proposal.submit', submit)).toEqual(expected);
    expect(parseCardAction(undefined, { ...submit, verb: 'proposal.submit' })).toEqual(expected);
  });

  it('reads a blank number as "no number", for the form to flag', () => {
    expect(parseCardAction('proposal.submit', { ...submit, minutesNeeded: '' })?.verb).toBe('proposal.submit');
    const parsed = parseCardAction('proposal.submit', { ...submit, minutesNeeded: '' });
    expect(parsed && 'minutesNeeded' in parsed ? parsed.minutesNeeded : 0).toBeNaN();
  });

  it.each([
    ['an unknown verb', 'proposal.delete', { proposalId: 'p' }],
    ['a missing key', 'proposal.submit', { ...submit, submissionKey: undefined }],
    ['a wrong type', 'proposal.submit', { ...submit, title: { $ne: 1 } }],
    ['a huge string', 'proposal.submit', { ...submit, description: 'x'.repeat(20001) }],
    ['too many goals', 'proposal.submit', { ...submit, goalIds: Array.from({ length: 101 }, (_, i) => `g${i}`) }],
    ['an id that is too long', 'proposal.withdraw', { proposalId: 'p'.repeat(65) }],
    ['data that is not an object', 'proposal.withdraw', 'p1'],
    ['null data', 'proposal.withdraw', null],
    ['a NUL in a text', 'proposal.submit', { ...submit, title: 'a\u0000b' }],
    ['half a surrogate pair in a text', 'proposal.submit', { ...submit, description: 'x\ud800' }],
    ['an id with other characters than ours', 'proposal.withdraw', { proposalId: "p1' OR '1'='1" }],
    ['a goal id with other characters than ours', 'proposal.submit', { ...submit, goalIds: 'a,b;c' }],
    ['more than 100 goals in a list', 'proposal.submit', { ...submit, goalIds: Array.from({ length: 101 }, (_, i) => `g${i}`).join(',') }],
    ['a substitute named with a NUL', 'rsvp.answer', { meetingId: 'm1', answer: 'substitute', substituteName: 'Per\u0000' }],
  ])('refuses %s', (_name, verb, data) => {
    expect(parseCardAction(verb, data)).toBeNull();
  });
});
