import { planDays } from './dayPlan';
import { requestAt, requestsThrough, requestTime, share } from './requestAt';
import { TRAFFIC_PROFILES } from './trafficProfiles';

describe('share', () => {
  it('spreads a total over n parts that sum to it exactly', () => {
    for (const [total, n] of [
      [803_061_000, 10_707],
      [7, 24],
      [0, 5],
      [24, 24],
    ]) {
      let sum = 0;
      for (let k = 1; k <= n; k++) sum += share(total, n, k);
      expect(sum).toBe(total);
    }
  });
});

describe('requestAt', () => {
  const plan = planDays({
    today: '2026-06-15',
    days: 1,
    profiles: TRAFFIC_PROFILES,
  }).get('ticket-triage')![0];
  const requests = Array.from({ length: plan.requests }, (_, i) =>
    requestAt(plan, i + 1),
  );

  it("lays out exactly the day's tokens, errors, outcomes, calls and failures", () => {
    const sum = (f: (r: (typeof requests)[number]) => number) =>
      requests.reduce((total, r) => total + f(r), 0);
    for (const t of plan.tokens) {
      expect(
        sum(
          r => r.modelCalls.find(c => c.model === t.model)!.tokens[t.tokenType],
        ),
      ).toBe(t.total);
    }
    expect(sum(r => (r.status === 500 ? 1 : 0))).toBe(plan.serverErrors);
    expect(sum(r => r.outcomes)).toBe(plan.outcomes);
    expect(sum(r => r.apiCalls.reduce((n, c) => n + c.count, 0))).toBe(
      plan.apiCalls[0].total,
    );
    const failures = requests.flatMap(r =>
      r.modelCalls.flatMap(c => (c.failure ? [c.failure] : [])),
    );
    expect(failures.filter(f => f === 429).length).toBeGreaterThan(0);
    expect(failures.filter(f => f === 503).length).toBeGreaterThan(0);
    expect(failures.filter(f => f === 'timeout').length).toBeGreaterThan(0);
  });

  it('sends the requests through the day, in order, all within it', () => {
    const start = Date.parse('2026-06-15T00:00:00Z');
    expect(requests[0].at).toBeGreaterThanOrEqual(start);
    expect(requests[requests.length - 1].at).toBeLessThan(start + 86_400_000);
    for (let i = 1; i < requests.length; i++) {
      expect(requests[i].at).toBeGreaterThanOrEqual(requests[i - 1].at);
    }
  });

  it('counts the requests sent by a time as requestTime places them', () => {
    const start = Date.parse('2026-06-15T00:00:00Z');
    expect(requestsThrough(plan, start - 1)).toBe(0);
    expect(requestsThrough(plan, start + 86_400_000)).toBe(plan.requests);
    for (const k of [1, 2, 500, plan.requests - 1]) {
      expect(
        requestsThrough(plan, requestTime(plan, k)),
      ).toBeGreaterThanOrEqual(k);
      expect(requestsThrough(plan, requestTime(plan, k) - 1)).toBeLessThan(k);
    }
  });

  it('answers most requests near the median time, a few in a long tail', () => {
    const sorted = requests.map(r => r.latencySeconds).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const p99 = sorted[Math.floor(sorted.length * 0.99)];
    expect(median).toBeCloseTo(plan.profile.medianSeconds, 0);
    expect(p99).toBeGreaterThan(2 * plan.profile.medianSeconds);
  });
});
