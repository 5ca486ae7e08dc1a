import {
  chairAfter,
  chairsForNewMeetings,
  isHttpsUrl,
  mayChangeMeeting,
  patternOf,
  stockholmDateAndTime,
  stockholmInstant,
} from '../../../bot/src/domain/meeting-plan';

describe('meeting plan rules', () => {
  it('reads a Stockholm date and time as the instant it names, across daylight saving', () => {
    expect(stockholmInstant('2027-02-10', '13:00')?.toISOString()).toBe('2027-02-10T12:00:00.000Z');
    expect(stockholmInstant('2027-06-09', '13:00')?.toISOString()).toBe('2027-06-09T11:00:00.000Z');
    expect(stockholmDateAndTime(new Date('2027-06-09T11:00:00.000Z'))).toEqual({ date: '2027-06-09', time: '13:00' });
  });

  it('refuses days and times that do not exist', () => {
    expect(stockholmInstant('2027-02-29', '13:00')).toBeNull();
    expect(stockholmInstant('2027-13-01', '13:00')).toBeNull();
    expect(stockholmInstant('2027-02-10', '24:00')).toBeNull();
    expect(stockholmInstant('10/2/2027', '13:00')).toBeNull();
    // 02:30 is skipped when the clocks go forward (last Sunday of March).
    expect(stockholmInstant('2027-03-28', '02:30')).toBeNull();
    expect(stockholmInstant('2028-02-29', '09:15')?.toISOString()).toBe('2028-02-29T08:15:00.000Z');
  });

  it('takes only https links without credentials, spaces or control characters', () => {
    expect(isHttpsUrl('https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%7d')).toBe(true);
    expect(isHttpsUrl('HTTPS://example.se')).toBe(true);
    expect(isHttpsUrl('http://example.se/mote')).toBe(false);
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpsUrl('https://user:pw@example.se/')).toBe(false);
    expect(isHttpsUrl('https://example.se/a b')).toBe(false);
    expect(isHttpsUrl('https://example.se/\u0007')).toBe(false);
    expect(isHttpsUrl('https://')).toBe(false);
    expect(isHttpsUrl(`https://example.se/${'a'.repeat(2000)}`)).toBe(false);
  });

  it('lets only meetings still to be held change', () => {
    const now = new Date('2026-06-20T10:00:00Z');
    const later = new Date('2026-09-09T11:00:00Z');
    expect(mayChangeMeeting({ status: 'planned', startsAt: later }, now)).toBe(true);
    expect(mayChangeMeeting({ status: 'called', startsAt: later }, now)).toBe(true);
    expect(mayChangeMeeting({ status: 'held', startsAt: later }, now)).toBe(false);
    expect(mayChangeMeeting({ status: 'minutes_published', startsAt: later }, now)).toBe(false);
    expect(mayChangeMeeting({ status: 'cancelled', startsAt: later }, now)).toBe(false);
    // Nothing marks a meeting held when its time has passed: its start decides.
    expect(mayChangeMeeting({ status: 'planned', startsAt: new Date('2026-06-10T11:00:00Z') }, now)).toBe(false);
    expect(mayChangeMeeting({ status: 'called', startsAt: now }, now)).toBe(false);
  });

  it('alternates the chair between two strategists, and copes with one or three', () => {
    expect(chairAfter(['anna', 'erik'], 'anna')).toBe('erik');
    expect(chairAfter(['anna', 'erik'], 'erik')).toBe('anna');
    expect(chairAfter(['anna', 'erik'], null)).toBe('anna');
    expect(chairAfter(['anna', 'erik'], 'former')).toBe('anna');
    expect(chairAfter(['anna'], 'anna')).toBe('anna');
    expect(chairAfter(['a', 'b', 'c'], 'c')).toBe('a');
    expect(chairAfter([], 'anna')).toBeNull();
  });

  it('gives each new meeting the turn after the meeting before it, old or new', () => {
    const at = (iso: string) => new Date(iso);
    const planned = [
      { startsAt: at('2026-11-11T12:00:00Z'), chairPersonId: 'erik' },
      { startsAt: at('2027-05-12T11:00:00Z'), chairPersonId: 'anna' },
    ];
    const chairs = chairsForNewMeetings(
      planned,
      [at('2027-02-10T12:00:00Z'), at('2027-09-08T11:00:00Z'), at('2027-10-13T11:00:00Z')],
      ['anna', 'erik'],
    );
    expect(chairs).toEqual(['anna', 'erik', 'anna']);
    expect(chairsForNewMeetings([], [at('2027-02-10T12:00:00Z')], [])).toEqual([null]);
  });

  it('reads the pattern of a meeting for the next plan', () => {
    // Wednesday 10 February 2027 13:00: the second Wednesday.
    expect(patternOf({ startsAt: new Date('2027-02-10T12:00:00Z') })).toEqual({ weekday: 3, occurrence: 2, startTime: '13:00' });
    // Friday 29 October 2027 09:30: only "the last Friday" says that.
    expect(patternOf({ startsAt: new Date('2027-10-29T07:30:00Z') })).toEqual({ weekday: 5, occurrence: 5, startTime: '09:30' });
  });
});
