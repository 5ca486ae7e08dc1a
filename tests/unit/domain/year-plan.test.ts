import { nthWeekdayOfMonth, planYear, spreadMonths } from '../../../bot/src/domain/year-plan';
import { toStockholm } from '../../../bot/src/domain/stockholm-time';

describe('year plan', () => {
  it('spreads 8 meetings over the year without July', () => {
    const months = spreadMonths(8);
    expect(months).toHaveLength(8);
    expect(months).not.toContain(7);
    expect(new Set(months).size).toBe(8);
    expect([...months].sort((a, b) => a - b)).toEqual(months);
  });

  it('finds the second Wednesday and the last Friday of a month', () => {
    expect(nthWeekdayOfMonth(2026, 2, 3, 2)).toBe(11); // Wednesday 11 February 2026
    expect(nthWeekdayOfMonth(2026, 10, 5, 5)).toBe(30); // last Friday of October 2026
    expect(nthWeekdayOfMonth(2026, 3, 1, 5)).toBe(30); // March 2026 has five Mondays
  });

  it('plans the given months at the local time on both sides of daylight saving', () => {
    const plan = planYear({ year: 2026, count: 8, weekday: 3, occurrence: 2, startTime: '13:00', months: [2, 3, 4, 5, 6, 9, 10, 11] });
    expect(plan.map((p) => p.localDate)).toEqual([
      '2026-02-11',
      '2026-03-11',
      '2026-04-08',
      '2026-05-13',
      '2026-06-10',
      '2026-09-09',
      '2026-10-14',
      '2026-11-11',
    ]);
    for (const p of plan) expect(toStockholm(p.startsAt)).toMatchObject({ hour: 13, minute: 0 });
    expect(plan[0]!.startsAt.toISOString()).toBe('2026-02-11T12:00:00.000Z');
    expect(plan[2]!.startsAt.toISOString()).toBe('2026-04-08T11:00:00.000Z');
  });

  it('rejects patterns that cannot be planned', () => {
    const base = { year: 2026, count: 8, weekday: 3, occurrence: 2, startTime: '13:00' };
    expect(() => planYear({ ...base, startTime: '25:00' })).toThrow(expect.objectContaining({ code: 'year-plan.invalid-time' }));
    expect(() => planYear({ ...base, weekday: 0 })).toThrow(expect.objectContaining({ code: 'year-plan.invalid-time' }));
    expect(() => planYear({ ...base, count: 12 })).toThrow(expect.objectContaining({ code: 'year-plan.invalid-count' }));
    expect(() => planYear({ ...base, months: [2, 3] })).toThrow(expect.objectContaining({ code: 'year-plan.invalid-count' }));
  });
});
