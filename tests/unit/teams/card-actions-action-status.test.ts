/**
 * What the action status card sends back (`action.status`), read before anything acts on it:
 * the ids, the reason and the form's inputs parse; forged or oversized data is refused whole.
 */
import { parseCardAction } from '../../../bot/src/adapters/teams/card-actions';

describe('card actions: action.status', () => {
  const data = { actionId: 'action-1', meetingId: 'meeting-4', reason: 'due-soon', status: 'blocked', comment: 'Väntar på budgeten' };
  const expected = {
    verb: 'action.status',
    actionId: 'action-1',
    meetingId: 'meeting-4',
    reason: 'due-soon',
    status: 'blocked',
    comment: 'Väntar på budgeten',
  };

  it('reads the ids, the reason and the inputs, whether the verb comes from Action.Execute or the Submit fallback', () => {
    expect(parseCardAction('action.status', data)).toEqual(expected);
    expect(parseCardAction(undefined, { ...data, verb: 'action.status' })).toEqual(expected);
  });

  it.each(['request', 'due-soon', 'due-today'])('keeps the reason %s', (reason) => {
    expect(parseCardAction('action.status', { ...data, reason })).toEqual({ ...expected, reason });
  });

  it.each([
    ['null', null],
    ['blank', ''],
    ['missing', undefined],
  ])('reads a %s meetingId as no meeting', (_name, meetingId) => {
    expect(parseCardAction('action.status', { ...data, meetingId })).toEqual({ ...expected, meetingId: null });
  });

  it.each([
    ['an unknown reason', 'whenever'],
    ['a reason of the wrong type', 42],
    ['no reason', undefined],
  ])('falls back to the request for %s', (_name, reason) => {
    expect(parseCardAction('action.status', { ...data, reason })).toEqual({ ...expected, reason: 'request' });
  });

  it('reads a missing or null comment as an empty one', () => {
    expect(parseCardAction('action.status', { ...data, comment: undefined })).toEqual({ ...expected, comment: '' });
    expect(parseCardAction('action.status', { ...data, comment: null })).toEqual({ ...expected, comment: '' });
  });

  it('trims the ids', () => {
    expect(parseCardAction('action.status', { ...data, actionId: '  action-1 ', meetingId: ' meeting-4' })).toEqual(expected);
  });

  it('takes the longest ids and comment the limits allow', () => {
    const action = parseCardAction('action.status', {
      ...data,
      actionId: 'a'.repeat(64),
      meetingId: 'm'.repeat(64),
      comment: 'k'.repeat(2000),
    });
    expect(action).toEqual({ ...expected, actionId: 'a'.repeat(64), meetingId: 'm'.repeat(64), comment: 'k'.repeat(2000) });
  });

  it('passes a status outside the three on, for the use case to say what to choose', () => {
    expect(parseCardAction('action.status', { ...data, status: 'open' })).toEqual({ ...expected, status: 'open' });
    expect(parseCardAction('action.status', { ...data, status: '' })).toEqual({ ...expected, status: '' });
  });

  it.each([
    ['a missing actionId', { ...data, actionId: undefined }],
    ['a blank actionId', { ...data, actionId: '   ' }],
    ['a null actionId', { ...data, actionId: null }],
    ['an actionId of the wrong type', { ...data, actionId: { $ne: 1 } }],
    ['an actionId over 64 characters', { ...data, actionId: 'a'.repeat(65) }],
    ['a meetingId over 64 characters', { ...data, meetingId: 'm'.repeat(65) }],
    ['a meetingId of the wrong type', { ...data, meetingId: 4 }],
    ['a comment over 2000 characters', { ...data, comment: 'k'.repeat(2001) }],
    ['a comment of the wrong type', { ...data, comment: ['a'] }],
    ['a status over 20 characters', { ...data, status: 'x'.repeat(21) }],
    ['a status of the wrong type', { ...data, status: 1 }],
    ['data that is a string', 'action-1'],
    ['null data', null],
    ['an array', [data]],
    ['a number', 42],
    ['no data', undefined],
  ])('refuses %s', (_name, value) => {
    expect(parseCardAction('action.status', value)).toBeNull();
  });

  it('refuses the same data under another verb, or with no verb at all', () => {
    expect(parseCardAction('action.delete', data)).toBeNull();
    expect(parseCardAction(undefined, data)).toBeNull();
  });
});
