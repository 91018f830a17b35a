import {
  addDays,
  enumerateDays,
  isDay,
  previousWindow,
  splitWindow,
  todayUtc,
  windowLength,
} from './dates';

describe('dates', () => {
  it('recognizes real calendar days only', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
    expect(isDay(20260101)).toBe(false);
  });

  it('does day arithmetic in UTC across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(todayUtc(new Date('2026-11-28T23:59:59-05:00'))).toBe('2026-11-29');
  });

  it('adds days as Date arithmetic does, over decades and in both directions', () => {
    let day = '1999-12-31';
    for (let i = 0; i < 12_000; i++) {
      const step = (i % 7) - 3;
      const expected = new Date(
        Date.parse(`${day}T00:00:00Z`) + step * 86_400_000,
      )
        .toISOString()
        .slice(0, 10);
      expect(addDays(day, step)).toBe(expected);
      day = addDays(day, 2);
    }
    expect(day).toBe('2065-09-15');
    expect(windowLength({ from: '2024-02-28', to: '2024-03-01' })).toBe(3);
  });

  it('throws on a day that is not one', () => {
    expect(() => addDays('not-a-day', 1)).toThrow(RangeError);
  });

  it('enumerates and splits windows', () => {
    const window = { from: '2026-01-30', to: '2026-02-02' };
    expect(windowLength(window)).toBe(4);
    expect(enumerateDays(window)).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
    ]);
    expect(splitWindow(window, 3)).toEqual([
      { from: '2026-01-30', to: '2026-02-01' },
      { from: '2026-02-02', to: '2026-02-02' },
    ]);
    expect(previousWindow(window)).toEqual({
      from: '2026-01-26',
      to: '2026-01-29',
    });
  });
});
