import { fromStockholm, toStockholm } from '../../../bot/src/domain/stockholm-time';

describe('Stockholm time', () => {
  it('puts 09:00 at 08:00Z in winter and 07:00Z in summer', () => {
    expect(fromStockholm({ year: 2026, month: 1, day: 14, hour: 9, minute: 0 }).toISOString()).toBe('2026-01-14T08:00:00.000Z');
    expect(fromStockholm({ year: 2026, month: 6, day: 10, hour: 9, minute: 0 }).toISOString()).toBe('2026-06-10T07:00:00.000Z');
  });

  it('keeps 09:00 local on both sides of the spring change (2026-03-29)', () => {
    const before = fromStockholm({ year: 2026, month: 3, day: 28, hour: 9, minute: 0 });
    const after = fromStockholm({ year: 2026, month: 3, day: 30, hour: 9, minute: 0 });
    expect(before.toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(after.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(toStockholm(after)).toMatchObject({ hour: 9, minute: 0, day: 30 });
  });

  it('keeps 09:00 local on both sides of the autumn change (2026-10-25)', () => {
    expect(fromStockholm({ year: 2026, month: 10, day: 24, hour: 9, minute: 0 }).toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(fromStockholm({ year: 2026, month: 10, day: 26, hour: 9, minute: 0 }).toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('refuses a time skipped by the spring change and picks the first of a repeated one', () => {
    expect(() => fromStockholm({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 })).toThrow(
      expect.objectContaining({ code: 'time.invalid-local-time' }),
    );
    expect(fromStockholm({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses impossible clock readings', () => {
    expect(() => fromStockholm({ year: 2026, month: 13, day: 1, hour: 9, minute: 0 })).toThrow(
      expect.objectContaining({ code: 'time.invalid-local-time' }),
    );
    expect(() => fromStockholm({ year: 2026, month: 1, day: 1, hour: 24, minute: 0 })).toThrow(
      expect.objectContaining({ code: 'time.invalid-local-time' }),
    );
  });

  it('reads an instant the same the second time, and a caller changing its reading changes nothing', () => {
    const instant = new Date('2026-07-01T10:15:30Z');
    const first = toStockholm(instant);
    first.hour = 99;
    expect(toStockholm(instant)).toEqual({ year: 2026, month: 7, day: 1, hour: 12, minute: 15, second: 30 });
    expect(toStockholm(new Date('2026-12-01T10:15:30Z'))).toMatchObject({ hour: 11 });
  });
});
