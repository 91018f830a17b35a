import { createNoopMeter } from '@opentelemetry/api';
import { AggregationTemporality } from '@opentelemetry/sdk-metrics';
import { FINOPS_GAUGES, FinopsGauges } from './FinopsGauges';
import {
  collect,
  inAnyOrder,
  start,
  summarizer,
  translator,
  status,
  snapshot,
  scorecard,
  summarizerBudget,
  translatorBudget,
  summarizerAttributes,
} from './__testUtils__/gaugeTesting';

describe('FinopsGauges', () => {
  /** Before: the summarizer and the translator with budgets and scorecards. */
  function withTwoEntities(gauges: FinopsGauges) {
    gauges.updateBudgets(
      snapshot(
        [
          status(summarizerBudget, 95_000_000n),
          status(translatorBudget, 10_000_000n),
        ],
        [summarizer, translator],
      ),
    );
    gauges.updateScorecards([
      scorecard(summarizer, { cost: 80, risk: null, velocity: null }, 80),
      scorecard(translator, { cost: 40, risk: null, velocity: null }, 40),
    ]);
  }

  /**
   * After: more spend on the summarizer; the translator is removed from the catalog,
   * its API budget stays in force and its scorecard is no longer evaluated.
   */
  function afterTranslatorLeft(gauges: FinopsGauges) {
    gauges.updateBudgets(
      snapshot(
        [
          status(summarizerBudget, 120_000_000n),
          status(translatorBudget, 10_000_000n),
        ],
        [summarizer],
      ),
    );
    gauges.updateScorecards([
      scorecard(summarizer, { cost: 55, risk: null, velocity: null }, 55),
    ]);
  }

  it('follows new snapshots and stops observing what left the catalog', async () => {
    // Delta temporality: each export holds exactly what the callbacks observed.
    const { reader, provider, gauges } = start(AggregationTemporality.DELTA);
    withTwoEntities(gauges);
    const before = await collect(reader);
    expect(
      inAnyOrder(before(FINOPS_GAUGES.budgetSpend).map(p => p.value)),
    ).toEqual(inAnyOrder([95, 10]));
    expect(before(FINOPS_GAUGES.scorecardScore)).toHaveLength(4);

    afterTranslatorLeft(gauges);
    const after = await collect(reader);
    expect(inAnyOrder(after(FINOPS_GAUGES.budgetSpend))).toEqual(
      inAnyOrder([{ value: 120, attributes: summarizerAttributes }]),
    );
    expect(inAnyOrder(after(FINOPS_GAUGES.budgetUtilization))).toEqual(
      inAnyOrder([{ value: 1.2, attributes: summarizerAttributes }]),
    );
    expect(
      inAnyOrder(
        after(FINOPS_GAUGES.scorecardScore).map(p => [
          p.attributes.entity,
          p.attributes.pillar,
          p.value,
        ]),
      ),
    ).toEqual(
      inAnyOrder([
        ['component:default/summarizer', 'cost', 55],
        ['component:default/summarizer', 'overall', 55],
      ]),
    );
    await provider.shutdown();
  });

  it('under cumulative temporality, as the Prometheus exporter reads, the SDK still repeats the last value of what left the catalog', async () => {
    // What the README documents: OpenTelemetry JS SDK 2.x keeps a series that is no
    // longer observed in cumulative exports. Should a later SDK drop it, as the
    // specification advises, this test fails and the README note can go.
    const { reader, provider, gauges } = start(
      AggregationTemporality.CUMULATIVE,
    );
    withTwoEntities(gauges);
    await collect(reader);
    afterTranslatorLeft(gauges);
    const after = await collect(reader);
    expect(
      inAnyOrder(
        after(FINOPS_GAUGES.budgetSpend).map(p => [
          p.attributes.entity,
          p.value,
        ]),
      ),
    ).toEqual(
      inAnyOrder([
        ['component:default/summarizer', 120],
        ['component:default/translator', 10],
      ]),
    );
    await provider.shutdown();
  });

  it('works the readings out only when collected, once per update', async () => {
    const { reader, provider, gauges } = start();
    const budgets = snapshot(
      [status(summarizerBudget, 95_000_000n)],
      [summarizer],
    );
    const entity = jest.spyOn(budgets, 'entity');
    gauges.updateBudgets(budgets);
    expect(entity).not.toHaveBeenCalled();

    await collect(reader);
    await collect(reader);
    // Read once for both budget gauges and both collections.
    expect(entity).toHaveBeenCalledTimes(1);
    await provider.shutdown();
  });

  it('costs nothing but the update without a metrics reader', () => {
    // OpenTelemetry's API without an SDK: what a backend without exporters gets.
    const gauges = new FinopsGauges(createNoopMeter());
    const budgets = snapshot(
      [status(summarizerBudget, 95_000_000n)],
      [summarizer],
    );
    const entity = jest.spyOn(budgets, 'entity');
    gauges.updateBudgets(budgets);
    gauges.updateScorecards([
      scorecard(summarizer, { cost: 80, risk: null, velocity: null }, 80),
    ]);
    expect(entity).not.toHaveBeenCalled();
  });
});
