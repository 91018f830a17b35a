import { BudgetStatus, addDays } from '@tollgate/plugin-finops-common';
import {
  DEMO_AGENT_TAG,
  DEMO_ENTITY_TAG,
  demoDay,
  generateDemoFocus,
  toFocusCsv,
} from './demoFocus';
import {
  demoAnomalies,
  demoBudgetStatuses,
  demoSpend,
  readExampleEntities,
  readWorkloadLabels,
} from './__testUtils__/demoStory';

/** The first and last days of 28-, 29-, 30- and 31-day months, 1 January, 29 February. */
const DATES = [
  '2027-01-01',
  '2027-01-31',
  '2027-02-01',
  '2027-02-28',
  '2028-02-01',
  '2028-02-29',
  '2027-03-01',
  '2027-04-01',
  '2027-04-30',
  '2027-06-15',
  '2027-12-31',
  '2026-12-04',
];
const DAYS = 120;
/** The default of tollgate.budgets.anomalyMinIncrease. */
const ANOMALY_MIN_INCREASE_MICROS = 1_000_000;
/** The utilization from which the FinOps page lists a budget as at risk. */
const AT_RISK = 80;
const LABEL_KEYS = [
  'tollgate.dev/cost-center',
  'tollgate.dev/team',
  'tollgate.dev/project',
  'tollgate.dev/environment-tier',
];

const entities = readExampleEntities();
const name = (s: BudgetStatus) =>
  'team' in s.budget.scope
    ? `team ${s.budget.scope.team}`
    : (s.budget.scope as { entityRef: string }).entityRef;

describe.each(DATES)('the demo generated for %s', today => {
  const spend = demoSpend(entities, today, DAYS);
  const statuses = demoBudgetStatuses(entities, spend, today);
  const over = statuses.filter(s => s.utilization >= 100);
  const atRisk = statuses.filter(
    s => s.utilization < 100 && s.forecastUtilization >= AT_RISK,
  );
  const within = statuses.filter(
    s => Math.max(s.utilization, s.forecastUtilization) < AT_RISK,
  );
  const summary = statuses
    .map(s => `${name(s)} ${s.utilization}% / ${s.forecastUtilization}%`)
    .join(', ');

  it('has a capability over its hard budget, which the guardrail denies', () => {
    expect(
      over.filter(s => s.budget.enforcement === 'hard').map(s => name(s)),
    ).toContain('component:default/ticket-triage');
  });

  it('has a few budgets at risk by forecast and most within budget', () => {
    expect({ atRisk: atRisk.length >= 2, summary }).toEqual({
      atRisk: true,
      summary,
    });
    expect({ most: within.length * 2 > statuses.length, summary }).toEqual({
      most: true,
      summary,
    });
  });

  it('has a spend anomaly yesterday', () => {
    expect(
      demoAnomalies(spend, addDays(today, -1), ANOMALY_MIN_INCREASE_MICROS),
    ).toContain(
      'component:default/ticket-triage|Anthropic|claude-3-5-haiku-20241022-input-uncached',
    );
  });

  it('keeps spend that names no catalog entity as unallocated every day', () => {
    for (const day of [
      today,
      addDays(today, -1),
      addDays(today, -(DAYS - 1)),
    ]) {
      expect(spend.unallocatedByDay.get(day) ?? 0n).toBeGreaterThan(0n);
    }
  });
});

describe('the demo catalog and workloads', () => {
  it('differ in labels, so label drift has something to show', () => {
    const labels = readWorkloadLabels();
    const drifting = entities.filter(entity =>
      Object.entries(entity.metadata.annotations ?? {}).some(
        ([key, value]) =>
          LABEL_KEYS.includes(key) &&
          labels[entity.metadata.name] !== undefined &&
          labels[entity.metadata.name][key] !== value,
      ),
    );
    expect(drifting.map(e => e.metadata.name)).toEqual(
      expect.arrayContaining(['support-summarizer', 'checkout-service']),
    );
  });
});

describe('demoDay', () => {
  it('is today in UTC unless TOLLGATE_DEMO_DATE names a day', () => {
    const now = new Date('2027-02-28T23:59:59Z');
    expect(demoDay({}, now)).toBe('2027-02-28');
    expect(demoDay({ TOLLGATE_DEMO_DATE: '2028-02-29' }, now)).toBe(
      '2028-02-29',
    );
  });

  it('refuses a day that does not exist, naming the variable', () => {
    expect(() =>
      demoDay({ TOLLGATE_DEMO_DATE: '2027-02-29' }, new Date()),
    ).toThrow(
      'TOLLGATE_DEMO_DATE must be a day as YYYY-MM-DD, such as 2027-02-28, not "2027-02-29"',
    );
  });
});

describe('generateDemoFocus', () => {
  it('writes one file per export with every day up to the given one', () => {
    const { aiProviders, saasApis } = generateDemoFocus({
      today: '2028-03-01',
      days: 3,
    });
    const days = new Set(aiProviders.map(r => r.ChargePeriodStart));
    expect([...days]).toEqual([
      '2028-02-28T00:00:00Z',
      '2028-02-29T00:00:00Z',
      '2028-03-01T00:00:00Z',
    ]);
    expect(saasApis.at(-1)?.BillingPeriodEnd).toBe('2028-04-01T00:00:00Z');
    const csv = toFocusCsv(saasApis).split('\n');
    expect(csv[0].split(',')).toContain('EffectiveCost');
    expect(csv).toHaveLength(saasApis.length + 2);
  });
});

describe('the demo agents', () => {
  const { aiProviders, saasApis } = generateDemoFocus({
    today: '2027-06-15',
    days: 7,
  });
  const tagsOf = (row: { Tags: string }) =>
    JSON.parse(row.Tags) as Record<string, string>;
  const agentsOf = (capability: string) => {
    const byAgent = new Map<string, Set<string>>();
    for (const row of [...aiProviders, ...saasApis]) {
      const tags = tagsOf(row);
      if (tags[DEMO_ENTITY_TAG] !== `component:default/${capability}`) continue;
      const agent = tags[DEMO_AGENT_TAG] ?? '(no agent)';
      const models = byAgent.get(agent) ?? new Set<string>();
      models.add(JSON.parse(row.SkuPriceDetails).ModelId ?? row.ServiceName);
      byAgent.set(agent, models);
    }
    return Object.fromEntries(
      [...byAgent].map(([agent, models]) => [agent, [...models]]),
    );
  };

  it('name the agent of each AI row of ticket-triage and support-summarizer, and of no API call', () => {
    expect(agentsOf('ticket-triage')).toEqual({
      'triage-agent': ['claude-3-5-haiku-20241022'],
      '(no agent)': ['Twilio Messaging'],
    });
    expect(agentsOf('support-summarizer')).toEqual({
      'summarizer-agent': ['gpt-4o'],
      'escalation-drafter': ['claude-sonnet-4-20250514'],
    });
    expect(agentsOf('rag-gateway')).toEqual({
      '(no agent)': ['gpt-4o', 'claude-sonnet-4-20250514'],
    });
  });

  it('keep the Tags a valid CSV field', () => {
    const [header, first] = toFocusCsv(aiProviders).split('\n');
    const tagsColumn = header.split(',').indexOf('Tags');
    expect(tagsColumn).toBe(header.split(',').length - 1);
    expect(first).toMatch(
      /,"\{""backstage-entity"":""component:default\/support-summarizer"",""gen_ai\.agent\.id"":""summarizer-agent""\}"$/,
    );
  });
});
