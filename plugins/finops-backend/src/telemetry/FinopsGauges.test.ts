import { FINOPS_GAUGES } from './FinopsGauges';
import {
  collect,
  inAnyOrder,
  start,
  summarizer,
  translator,
  budget,
  status,
  snapshot,
  scorecard,
  summarizerBudget,
  mlBudget,
  ccBudget,
  summarizerAttributes,
  mlAttributes,
  ccAttributes,
} from './__testUtils__/gaugeTesting';

describe('FinopsGauges', () => {
  it('exports spend and utilization of each budget in force, labelled with what it covers', async () => {
    const { reader, provider, gauges } = start();
    gauges.updateBudgets(
      snapshot(
        [
          status(summarizerBudget, 95_000_000n),
          status(mlBudget, 250_500_000n),
          status(ccBudget, 1_999_999_999n),
          // Made through the API for an entity no longer in the catalog.
          status(
            budget({ entityRef: 'component:default/retired' }, '10.00'),
            3_000_000n,
          ),
        ],
        [summarizer, translator],
      ),
    );

    const points = await collect(reader);
    expect(inAnyOrder(points(FINOPS_GAUGES.budgetSpend))).toEqual(
      inAnyOrder([
        { value: 95, attributes: summarizerAttributes },
        { value: 1999.999999, attributes: ccAttributes },
        { value: 250.5, attributes: mlAttributes },
      ]),
    );
    expect(inAnyOrder(points(FINOPS_GAUGES.budgetUtilization))).toEqual(
      inAnyOrder([
        { value: 0.95, attributes: summarizerAttributes },
        { value: 1, attributes: ccAttributes },
        { value: 0.2505, attributes: mlAttributes },
      ]),
    );
    await provider.shutdown();
  });

  it('exports the overall and pillar scores of the latest scorecard results, leaving out scores without data', async () => {
    const { reader, provider, gauges } = start();
    gauges.updateScorecards([
      scorecard(summarizer, { cost: 80, risk: 60.5, velocity: null }, 70.3),
      scorecard(translator, { cost: null, risk: null, velocity: null }, null),
    ]);

    const points = await collect(reader);
    const labels = {
      scorecard: 'ai-capability',
      entity: 'component:default/summarizer',
      team: 'ml',
      cost_center: 'cc-4100',
    };
    expect(inAnyOrder(points(FINOPS_GAUGES.scorecardScore))).toEqual(
      inAnyOrder([
        { value: 80, attributes: { ...labels, pillar: 'cost' } },
        { value: 70.3, attributes: { ...labels, pillar: 'overall' } },
        { value: 60.5, attributes: { ...labels, pillar: 'risk' } },
      ]),
    );
    await provider.shutdown();
  });
});
