import {
  SUMMARIZER,
  DAY1,
  DAY2,
  sourceConfig,
  fetchAll,
  costsOf,
  runScenarioPrometheus,
} from '../__testUtils__/scenarioSource';

jest.setTimeout(120_000);

runScenarioPrometheus();

describe('PrometheusCostSource on a real Prometheus server', () => {
  it('prices token usage exactly and reports unknown models unpriced', async () => {
    const { costs, warnings } = await fetchAll(sourceConfig());
    const gpt4o = {
      entityRef: SUMMARIZER,
      provider: 'openai',
      service: 'openai API',
      model: 'gpt-4o',
      dimensionKind: 'tokenType',
      unit: 'tokens',
      currency: 'USD',
    };
    const mystery = {
      entityRef: SUMMARIZER,
      provider: 'acme',
      service: 'acme API',
      model: 'mystery-model',
      dimensionKind: 'tokenType',
      dimension: 'input',
      unit: 'tokens',
      currency: 'USD',
      quantity: 24_000_000_000n,
      billedCostMicros: 0n,
      tags: { unpriced: 'true' },
    };
    const tokenCosts = (day: string) =>
      costsOf(costs, SUMMARIZER, day).filter(
        c => c.dimensionKind === 'tokenType',
      );

    expect(tokenCosts(DAY1)).toEqual([
      // 120,000 cache-read tokens at 1.25 USD per million: 0.15 USD.
      {
        ...gpt4o,
        day: DAY1,
        dimension: 'cache-read',
        quantity: 120_000_000_000n,
        billedCostMicros: 150_000n,
      },
      // 1,234,560 input tokens at 2.50 USD per million: 3.0864 USD.
      {
        ...gpt4o,
        day: DAY1,
        dimension: 'input',
        quantity: 1_234_560_000_000n,
        billedCostMicros: 3_086_400n,
      },
      // 240,000 output tokens at 10 USD per million: 2.40 USD.
      {
        ...gpt4o,
        day: DAY1,
        dimension: 'output',
        quantity: 240_000_000_000n,
        billedCostMicros: 2_400_000n,
      },
      { ...mystery, day: DAY1 },
    ]);
    expect(tokenCosts(DAY2)).toEqual([
      {
        ...gpt4o,
        day: DAY2,
        dimension: 'cache-read',
        quantity: 120_000_000_000n,
        billedCostMicros: 150_000n,
      },
      {
        ...gpt4o,
        day: DAY2,
        dimension: 'input',
        quantity: 2_400_000_000_000n,
        billedCostMicros: 6_000_000n,
      },
      {
        ...gpt4o,
        day: DAY2,
        dimension: 'output',
        quantity: 480_000_000_000n,
        billedCostMicros: 4_800_000n,
      },
      { ...mystery, day: DAY2 },
    ]);
    expect(warnings.filter(w => w.includes('mystery-model'))).toHaveLength(1);
    expect(warnings.find(w => w.includes('mystery-model'))).toMatch(/unpriced/);
  });

  it('prices calls to consumed API operations and reports unpriced operations', async () => {
    const { costs, warnings } = await fetchAll(sourceConfig());
    const operationCosts = (day: string) =>
      costsOf(costs, SUMMARIZER, day).filter(
        c => c.dimensionKind === 'operation',
      );

    expect(operationCosts(DAY1)).toEqual([
      {
        day: DAY1,
        entityRef: SUMMARIZER,
        provider: 'api.openai.com',
        service: 'OpenAI API',
        dimensionKind: 'operation',
        // The server URL https://api.openai.com/v1 carries the /v1 of the route.
        dimension: 'POST /chat/completions',
        quantity: 504_000_000n,
        unit: 'calls',
        billedCostMicros: 0n,
        currency: 'USD',
        tags: { apiRef: 'api:default/openai', unpriced: 'true' },
      },
      {
        day: DAY1,
        entityRef: SUMMARIZER,
        provider: 'api.stripe.com',
        service: 'Stripe API',
        dimensionKind: 'operation',
        dimension: 'POST /v1/charges',
        quantity: 240_000_000n,
        unit: 'calls',
        // 240 calls at 0.004 USD.
        billedCostMicros: 960_000n,
        currency: 'USD',
        tags: { apiRef: 'api:default/stripe' },
      },
    ]);
    expect(
      operationCosts(DAY2).map(c => [
        c.dimension,
        c.quantity,
        c.billedCostMicros,
      ]),
    ).toEqual([
      ['POST /chat/completions', 1_008_000_000n, 0n],
      ['POST /v1/charges', 480_000_000n, 1_920_000n],
    ]);
    expect(
      warnings.filter(w => w.includes('POST /chat/completions')),
    ).toHaveLength(1);
    // Hosts the component consumes no API of are reported as upstream metrics only.
    expect(costs.filter(c => c.provider === 'internal.example.com')).toEqual(
      [],
    );
  });
});
