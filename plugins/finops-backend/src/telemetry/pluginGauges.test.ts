import { createServiceFactory } from '@backstage/backend-plugin-api';
import { metricsServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  MeterProvider,
  MetricReader,
  type DataPoint,
} from '@opentelemetry/sdk-metrics';
import { DayWindow, todayUtc } from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import { startFinopsTestBackend } from '../__testUtils__/startFinopsTestBackend';
import { FINOPS_GAUGES } from './FinopsGauges';
import { outputTokenSpend } from '../__testUtils__/outputTokenSpend';
import { capabilityComponent } from '../__testUtils__/testEntities';

jest.setTimeout(60_000);

class PullReader extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}
}

const entities = [
  capabilityComponent('summarizer', {
    annotations: {
      'tollgate.dev/cost-center': 'cc-4100',
      'tollgate.dev/budget': '20 USD/month',
    },
    ownedByRelation: true,
  }),
];

/** Today the summarizer spends 10 USD. */
class TodaySource implements CostSource {
  readonly id = 'today';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    yield outputTokenSpend(
      window.to,
      'component:default/summarizer',
      10_000_000n,
    );
  }
}

const scorecards = [
  {
    id: 'capability-health',
    title: 'Capability health',
    filter: { kinds: ['Component'] },
    checks: [
      {
        id: 'cost-center',
        pillar: 'cost',
        metric: 'cost-center-labelled',
        expect: true,
        description: 'Labelled with a cost center',
        howToFix: 'Add tollgate.dev/cost-center',
      },
    ],
  },
];

describe('finops plugin metrics', () => {
  it('feeds the gauges from each budget snapshot and scorecard evaluation', async () => {
    const reader = new PullReader();
    const provider = new MeterProvider({ readers: [reader] });
    const { run } = await startFinopsTestBackend({
      sources: [new TodaySource()],
      entities,
      config: { tollgate: { currency: 'USD', scorecards } },
      features: [
        createServiceFactory({
          service: metricsServiceRef,
          deps: {},
          factory: () => provider.getMeter('backstage-plugin-finops'),
        }),
      ],
    });
    await run('today', todayUtc());

    const { resourceMetrics, errors } = await reader.collect();
    expect(errors).toEqual([]);
    const points = (name: string) =>
      resourceMetrics.scopeMetrics
        .flatMap(scope => scope.metrics)
        .filter(metric => metric.descriptor.name === name)
        .flatMap(metric => metric.dataPoints as DataPoint<number>[])
        .map(({ value, attributes }) => ({ value, attributes }));

    const budgetAttributes = {
      scope: 'entity',
      entity: 'component:default/summarizer',
      team: 'ml',
      cost_center: 'cc-4100',
      currency: 'USD',
      period: 'month',
      enforcement: 'advisory',
    };
    expect(points(FINOPS_GAUGES.budgetSpend)).toEqual([
      { value: 10, attributes: budgetAttributes },
    ]);
    expect(points(FINOPS_GAUGES.budgetUtilization)).toEqual([
      { value: 0.5, attributes: budgetAttributes },
    ]);
    const scoreAttributes = {
      scorecard: 'capability-health',
      entity: 'component:default/summarizer',
      team: 'ml',
      cost_center: 'cc-4100',
    };
    expect(points(FINOPS_GAUGES.scorecardScore)).toEqual(
      expect.arrayContaining([
        { value: 100, attributes: { ...scoreAttributes, pillar: 'overall' } },
        { value: 100, attributes: { ...scoreAttributes, pillar: 'cost' } },
      ]),
    );
    expect(points(FINOPS_GAUGES.scorecardScore)).toHaveLength(2);
    await provider.shutdown();
  });
});
