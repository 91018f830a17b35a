import { ConfigReader } from '@backstage/config';
import { formatMicros, parseQuantity } from '@tollgate/plugin-finops-common';
import { ConfigPriceBook } from './ConfigPriceBook';

const tokens = (n: string) => parseQuantity(n)!;

function book(tollgate: object = {}) {
  return ConfigPriceBook.fromConfig(new ConfigReader({ tollgate }));
}

describe('ConfigPriceBook', () => {
  it('prices tokens from the bundled table exactly, per token type', () => {
    const prices = book();
    const price = (tokenType: any) =>
      formatMicros(
        prices.priceTokens({
          provider: 'openai',
          model: 'gpt-4o',
          tokenType,
          quantity: tokens('1234567'),
          day: '2026-11-01',
        })!.costMicros,
      );
    // gpt-4o: 2.50 input, 10.00 output, 1.25 cache read per million tokens
    expect(price('input')).toBe('3.086418');
    expect(price('output')).toBe('12.34567');
    expect(price('cache-read')).toBe('1.543209');
  });

  it('finds models with a provider prefix or without a provider', () => {
    const prices = book();
    const day = '2026-11-01';
    const a = prices.priceTokens({
      provider: 'anthropic',
      model: 'anthropic/claude-sonnet-4-20250514',
      tokenType: 'cache-write',
      quantity: tokens('1000000'),
      day,
    });
    const b = prices.priceTokens({
      model: 'claude-sonnet-4-20250514',
      tokenType: 'cache-write',
      quantity: tokens('1000000'),
      day,
    });
    expect(formatMicros(a!.costMicros)).toBe('3.75');
    expect(b).toEqual(a);
  });

  it('applies configured prices from their effective day on', () => {
    const prices = book({
      pricing: {
        models: [
          {
            provider: 'openai',
            model: 'gpt-4o',
            inputPerMillion: '2.00',
            outputPerMillion: 8,
            effectiveFrom: '2026-06-01',
          },
        ],
      },
    });
    const input = (day: string) =>
      formatMicros(
        prices.priceTokens({
          provider: 'openai',
          model: 'gpt-4o',
          tokenType: 'input',
          quantity: tokens('1000000'),
          day,
        })!.costMicros,
      );
    expect(input('2026-05-31')).toBe('2.50');
    expect(input('2026-06-01')).toBe('2.00');
  });

  it('reports unknown models and never prices them at zero', () => {
    const prices = book();
    const usage = {
      provider: 'acme',
      model: 'acme-9000',
      tokenType: 'input' as const,
      quantity: tokens('10'),
      day: '2026-11-01',
    };
    expect(prices.priceTokens(usage)).toBeUndefined();
    expect(prices.priceTokens({ ...usage, day: '2026-11-03' })).toBeUndefined();
    expect(prices.unpricedUsage()).toEqual([
      {
        kind: 'model',
        provider: 'acme',
        name: 'acme-9000 input',
        firstSeenDay: '2026-11-01',
        lastSeenDay: '2026-11-03',
        occurrences: 2,
      },
    ]);
  });

  it('prices API operations per call', () => {
    const prices = book({
      pricing: {
        operations: [
          {
            apiRef: 'api:default/stripe-api',
            operation: 'createPaymentIntent',
            price: '0.05 USD/call',
          },
        ],
      },
    });
    const priced = prices.priceOperation({
      apiRef: 'API:default/stripe-api',
      operation: 'createPaymentIntent',
      quantity: tokens('4200'),
      day: '2026-11-01',
    });
    expect(formatMicros(priced!.costMicros)).toBe('210.00');
    expect(
      prices.priceOperation({
        apiRef: 'api:default/stripe-api',
        operation: 'createRefund',
        quantity: tokens('1'),
        day: '2026-11-01',
      }),
    ).toBeUndefined();
  });

  it('names the bad field of a configured price', () => {
    expect(() =>
      book({
        pricing: {
          models: [{ provider: 'x', model: 'y', inputPerMillion: 'cheap' }],
        },
      }),
    ).toThrow(
      'tollgate.pricing.models[0].inputPerMillion has invalid value "cheap"',
    );
    expect(() =>
      book({
        pricing: {
          models: [{ provider: 'x', model: 'y', effectiveFrom: '2026-13-01' }],
        },
      }),
    ).toThrow(
      'tollgate.pricing.models[0].effectiveFrom has invalid value "2026-13-01"',
    );
    expect(() =>
      book({
        pricing: {
          operations: [{ apiRef: 'api:a', operation: 'b', price: 'free' }],
        },
      }),
    ).toThrow('tollgate.pricing.operations[0].price has invalid value "free"');
  });
});
