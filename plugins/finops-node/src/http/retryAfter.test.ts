import { retryAfterMs } from './retryAfter';

describe('retryAfterMs', () => {
  it('reads seconds, milliseconds and dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': '0.5' }))).toBe(500);
    expect(
      retryAfterMs(
        new Headers({ 'retry-after': '3', 'retry-after-ms': '1200.4' }),
      ),
    ).toBe(1201);
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(
      retryAfterMs(
        new Headers({ 'retry-after': 'Sun, 01 Mar 2026 10:00:30 GMT' }),
        now,
      ),
    ).toBe(30_000);
  });

  it('answers undefined without a usable wait', () => {
    expect(retryAfterMs(new Headers())).toBeUndefined();
    expect(
      retryAfterMs(new Headers({ 'retry-after': 'soon' })),
    ).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'retry-after': '-1' }))).toBeUndefined();
  });
});
