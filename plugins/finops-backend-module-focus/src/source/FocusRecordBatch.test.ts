import { CostRecord } from '@tollgate/plugin-finops-common';
import { FocusRecordDecoder, FocusRecordEncoder } from './FocusRecordBatch';

const TAGS = { team: 'search' };

function record(overrides: Partial<CostRecord> = {}): CostRecord {
  return {
    day: '2026-01-02',
    provider: 'openai',
    service: 'OpenAI API',
    dimensionKind: 'tokenType',
    dimension: 'input',
    billedCostMicros: 1_500n,
    currency: 'USD',
    ...overrides,
  };
}

/** The records through an encoder and a decoder, batch by batch. */
function roundTrip(batches: CostRecord[][]): CostRecord[][] {
  const encoder = new FocusRecordEncoder();
  const decoder = new FocusRecordDecoder();
  return batches.map(records => {
    encoder.add(records);
    const { batch } = encoder.take();
    return decoder.decode(structuredClone(batch));
  });
}

describe('FocusRecordEncoder and FocusRecordDecoder', () => {
  it('hand over records as they were, absent fields absent', () => {
    const records = [
      record(),
      record({
        entityRef: 'component:default/a',
        costCenter: '',
        team: 'search',
        model: 'gpt-4o',
        unit: 'tokens',
        quantity: 1_000_000_000n,
        listCostMicros: 2_000n,
        effectiveCostMicros: 1_200n,
        tags: TAGS,
      }),
    ];
    const [decoded] = roundTrip([records]);
    expect(decoded).toEqual(records);
    expect(Object.keys(decoded[0]).sort()).toEqual(
      Object.keys(records[0]).sort(),
    );
    expect('costCenter' in decoded[1]).toBe(true);
  });

  it('hand over amounts beyond 64 bits and the most negative one exactly', () => {
    const records = [
      record({ billedCostMicros: 2n ** 80n, listCostMicros: -(2n ** 63n) }),
      record({ billedCostMicros: -(2n ** 63n) + 1n, quantity: 0n }),
    ];
    expect(roundTrip([records])[0]).toEqual(records);
  });

  it('share one tags object among the records of a batch and across batches', () => {
    const [first, second] = roundTrip([
      [record({ tags: TAGS }), record({ tags: TAGS })],
      [record({ tags: TAGS, day: '2026-01-03' })],
    ]);
    expect(first[0].tags).toEqual(TAGS);
    expect(first[1].tags).toBe(first[0].tags);
    expect(second[0].tags).toBe(first[0].tags);
    expect(second[0].day).toBe('2026-01-03');
  });

  it('start their tables afresh when they grow large, keeping every text', () => {
    const batches = Array.from({ length: 30 }, (_, b) =>
      Array.from({ length: 5_000 }, (__, i) =>
        record({ dimension: `unique ${b} ${i}`, tags: { n: `${b} ${i}` } }),
      ),
    );
    const decoded = roundTrip(batches);
    expect(decoded).toEqual(batches);
  });
});
