import { planDays } from './dayPlan';
import { historySnapshots } from './historySnapshots';
import { TRAFFIC_PROFILES } from './trafficProfiles';

describe('historySnapshots', () => {
  const plans = planDays({
    today: '2026-01-03',
    days: 3,
    profiles: TRAFFIC_PROFILES,
  }).get('support-summarizer')!;
  const cutoff = Date.parse('2026-01-03T06:30:00Z');
  const snapshots = historySnapshots(plans, cutoff);

  it('samples at the start of each day and at the cutoff', () => {
    expect(snapshots.map(s => new Date(s.time * 1000).toISOString())).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-02T00:00:00.000Z',
      '2026-01-03T00:00:00.000Z',
      '2026-01-03T06:30:00.000Z',
    ]);
  });

  it("grows by exactly a whole day's plan between two day starts", () => {
    const [, start, end] = snapshots;
    const day = plans[1];
    const requests = (s: typeof start) =>
      [...s.server.values()].reduce(
        (n, v) => n + v.buckets[v.buckets.length - 1],
        0,
      );
    expect(requests(end) - requests(start)).toBe(day.requests);
    const errors = (s: typeof start) =>
      s.server.get(500)!.buckets[s.server.get(500)!.buckets.length - 1];
    expect(errors(end) - errors(start)).toBe(day.serverErrors);
    expect(end.outcomes - start.outcomes).toBe(day.outcomes);
    for (const t of day.tokens) {
      const key = JSON.stringify([
        t.provider.toLowerCase(),
        t.model,
        t.tokenType,
      ]);
      expect(end.tokens.get(key)!.sum - start.tokens.get(key)!.sum).toBe(
        t.total,
      );
    }
  });

  it('counts only the requests sent before the cutoff on its day', () => {
    const [, , start, last] = snapshots;
    const requests = (s: typeof start) =>
      [...s.server.values()].reduce(
        (n, v) => n + v.buckets[v.buckets.length - 1],
        0,
      );
    const sent = requests(last) - requests(start);
    expect(sent).toBeGreaterThan(0);
    expect(Math.abs(sent - (plans[2].requests * 6.5) / 24)).toBeLessThan(2);
  });

  it('keeps histogram buckets cumulative', () => {
    for (const s of snapshots) {
      for (const { buckets } of s.server.values()) {
        for (let i = 1; i < buckets.length; i++) {
          expect(buckets[i]).toBeGreaterThanOrEqual(buckets[i - 1]);
        }
      }
    }
  });
});
