import { toCopyText } from './copyPgRows';

describe('toCopyText', () => {
  it('writes null and undefined as \\N', () => {
    expect(toCopyText(null)).toBe('\\N');
    expect(toCopyText(undefined)).toBe('\\N');
  });

  it('writes numbers, bigints, booleans and dates as PostgreSQL reads them', () => {
    expect(toCopyText(12)).toBe('12');
    expect(toCopyText(-(2n ** 70n))).toBe('-1180591620717411303424');
    expect(toCopyText(true)).toBe('t');
    expect(toCopyText(false)).toBe('f');
    expect(toCopyText(new Date('2026-01-02T03:04:05Z'))).toBe(
      '2026-01-02T03:04:05.000Z',
    );
  });

  it('escapes backslashes, tabs and line breaks, and nothing else', () => {
    expect(toCopyText('{"a": "b"}')).toBe('{"a": "b"}');
    expect(toCopyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(toCopyText('')).toBe('');
  });
});
