import { DEMO_FOCUS_DAYS, DEMO_RUNAWAY, generateDemoFocus } from '../demoFocus';
import { planDays } from './dayPlan';
import { TRAFFIC_PROFILES } from './trafficProfiles';

const TODAY = '2027-03-01';

describe('planDays', () => {
  const plans = planDays({
    today: TODAY,
    days: 10,
    profiles: TRAFFIC_PROFILES,
  });

  it('plans every profiled capability for every day, oldest first', () => {
    expect([...plans.keys()].sort()).toEqual(
      TRAFFIC_PROFILES.map(p => p.capability).sort(),
    );
    for (const days of plans.values()) {
      expect(days.map(d => d.day)).toEqual([
        '2027-02-20',
        '2027-02-21',
        '2027-02-22',
        '2027-02-23',
        '2027-02-24',
        '2027-02-25',
        '2027-02-26',
        '2027-02-27',
        '2027-02-28',
        '2027-03-01',
      ]);
    }
  });

  it("holds exactly the tokens of the demo's AI invoice, as the demo generates it", () => {
    const { aiProviders } = generateDemoFocus({
      today: TODAY,
      days: DEMO_FOCUS_DAYS,
    });
    const invoiced = new Map<string, number>();
    for (const row of aiProviders) {
      const entity = JSON.parse(row.Tags)['backstage-entity'];
      const key = `${entity} ${row.ChargePeriodStart.slice(0, 10)}`;
      invoiced.set(
        key,
        (invoiced.get(key) ?? 0) + Number(row.ConsumedQuantity),
      );
    }
    for (const [capability, days] of plans) {
      if (days[0].profile.usage) continue;
      for (const plan of days) {
        const planned = plan.tokens.reduce((sum, t) => sum + t.total, 0);
        expect(planned).toBe(
          invoiced.get(`component:default/${capability} ${plan.day}`),
        );
      }
    }
  });

  it('plans a capability no invoice bills from its own usage', () => {
    const [friday, saturday] = plans
      .get('support-triage')!
      .filter(p => p.day === '2027-02-26' || p.day === '2027-02-27');
    expect([friday.requests, saturday.requests]).toEqual([4000, 1400]);
    expect(saturday.models).toEqual([
      { provider: 'OpenAI', model: 'gpt-4o-mini' },
    ]);
    expect(
      Object.fromEntries(saturday.tokens.map(t => [t.tokenType, t.total])),
    ).toEqual({ input: 3_500_000, cache_read: 1_120_000, output: 420_000 });
    expect(saturday.apiCalls).toEqual([
      {
        host: 'tickets.example.com',
        method: 'GET',
        route: '/api/tickets/{ticket_id}',
        operation: 'get-ticket',
        total: 1400,
      },
      {
        host: 'tickets.example.com',
        method: 'PATCH',
        route: '/api/tickets/{ticket_id}',
        operation: 'update-ticket',
        total: 1400,
      },
    ]);
  });

  it('derives requests, errors, outcomes and upstream failures from the profile', () => {
    const plan = plans.get('support-summarizer')![4];
    const profile = plan.profile;
    const input = plan.tokens.find(
      t => t.model === 'gpt-4o' && t.tokenType === 'input',
    )!.total;
    expect(plan.requests).toBe(
      Math.round(input / profile.inputTokensPerRequest),
    );
    expect(plan.serverErrors).toBe(
      Math.round(plan.requests * profile.serverErrorShare),
    );
    expect(plan.outcomes).toBeLessThanOrEqual(
      plan.requests - plan.serverErrors,
    );
    expect(plan.models.map(m => m.model)).toEqual([
      'gpt-4o',
      'claude-sonnet-4-20250514',
    ]);
    expect(plan.throttled).toBeGreaterThan(0);
  });

  it('keeps requests as usual on the days of the runaway loop, whose tokens soar', () => {
    const triage = plans.get(DEMO_RUNAWAY.capability)!;
    const usual = triage[triage.length - 4];
    const runaway = triage[triage.length - 1];
    const tokens = (p: typeof usual) =>
      p.tokens.reduce((sum, t) => sum + t.total, 0);
    expect(tokens(runaway) / tokens(usual)).toBeGreaterThan(20);
    expect(runaway.requests / usual.requests).toBeLessThan(2);
  });

  it('adds the SaaS calls a capability makes, by host', () => {
    const triage = plans.get('ticket-triage')![0];
    expect(triage.apiCalls).toEqual([
      expect.objectContaining({
        host: 'api.twilio.com',
        operation: 'createMessage',
      }),
    ]);
  });
});
