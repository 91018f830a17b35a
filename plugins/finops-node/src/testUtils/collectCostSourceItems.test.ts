import { CostRecord } from '@tollgate/plugin-finops-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import {
  collectCostSourceItems,
  mockCostSourceFetchContext,
} from './collectCostSourceItems';

const record: CostRecord = {
  day: '2026-01-02',
  provider: 'example',
  service: 'Example API',
  dimensionKind: 'usage',
  dimension: 'calls',
  billedCostMicros: 1_500_000n,
  currency: 'USD',
};

function source(fail?: Error): CostSource {
  return {
    id: 'example:test',
    type: 'example',
    async *fetch(_window, context) {
      yield { type: 'cost', record };
      yield {
        type: 'metric',
        metric: {
          day: record.day,
          entityRef: 'component:default/a',
          metric: 'x',
          value: 1,
        },
      };
      context.logger.info('one record');
      if (fail) {
        throw fail;
      }
    },
  };
}

describe('collectCostSourceItems', () => {
  const window = { from: '2026-01-02', to: '2026-01-02' };

  it('collects the items and records of a fetch', async () => {
    const { items, records, error } = await collectCostSourceItems(
      source(),
      window,
    );
    expect(items).toHaveLength(2);
    expect(records).toEqual([record]);
    expect(error).toBeUndefined();
  });

  it('keeps what was yielded before the fetch threw, and the error', async () => {
    const failure = new Error('answered HTTP 500');
    const { items, error } = await collectCostSourceItems(
      source(failure),
      window,
    );
    expect(items).toHaveLength(2);
    expect(error).toBe(failure);
  });

  it('lends a context that prices nothing and knows no entity', async () => {
    const context = mockCostSourceFetchContext();
    await expect(context.entities()).resolves.toEqual([]);
    expect(
      context.priceBook.priceTokens({
        model: 'm',
        tokenType: 'input',
        quantity: 1n,
        day: window.from,
      }),
    ).toBeUndefined();
    expect(context.signal.aborted).toBe(false);
    expect(context.logger.child({}).info('quiet')).toBeUndefined();
  });
});
