import { divideRounded, parseQuantity } from '@tollgate/plugin-finops-common';
import {
  SWAGGER_EXAMPLE,
  WEBSITE_EXAMPLE,
  readFixture,
} from '../__testUtils__/fixtures';
import { allocationToRecords } from './allocationToRecords';
import {
  GIB,
  micros,
  byDimension,
  sum,
  parsedSets,
} from '../__testUtils__/allocationRecords';

describe('allocationToRecords', () => {
  describe.each([WEBSITE_EXAMPLE, SWAGGER_EXAMPLE])('recorded %s', file => {
    const recorded = readFixture(file).data[0];
    const allocations = parsedSets(file)[0];

    it.each(Object.keys(recorded))(
      'splits %s by resource and adds up to its totalCost exactly',
      name => {
        const raw = recorded[name];
        const allocation = allocations.find(a => a.name === name)!;
        const { records, differenceMicros } = allocationToRecords(allocation, {
          day: '2026-03-01',
          currency: 'USD',
        });

        expect(sum(records)).toBe(micros(raw.totalCost));
        // Resource, its cost fields, and its quantity field, unit and divisor.
        const resources: Array<[string, string[], string?, string?, bigint?]> =
          [
            [
              'cpu',
              ['cpuCost', 'cpuCostAdjustment'],
              'cpuCoreHours',
              'core-hours',
              1n,
            ],
            [
              'ram',
              ['ramCost', 'ramCostAdjustment'],
              'ramByteHours',
              'GiB-hours',
              GIB,
            ],
            [
              'gpu',
              ['gpuCost', 'gpuCostAdjustment'],
              'gpuHours',
              'gpu-hours',
              1n,
            ],
            [
              'pv',
              ['pvCost', 'pvCostAdjustment'],
              'pvByteHours',
              'GiB-hours',
              GIB,
            ],
            [
              'network',
              ['networkCost', 'networkCostAdjustment'],
              'networkTransferBytes',
              'GiB',
              GIB,
            ],
            [
              'loadBalancer',
              ['loadBalancerCost', 'loadBalancerCostAdjustment'],
            ],
            ['shared', ['sharedCost']],
            ['external', ['externalCost']],
          ];
        // A resource with neither cost nor quantity has no record.
        const expected: Record<string, object> = {};
        let parts = 0n;
        for (const [
          resource,
          costs,
          quantityField,
          unit,
          divisor,
        ] of resources) {
          const cost = costs.reduce((total, f) => total + micros(raw[f]), 0n);
          parts += cost;
          const quantity = quantityField
            ? divideRounded(parseQuantity(raw[quantityField] ?? 0)!, divisor!)
            : 0n;
          if (cost !== 0n || quantity !== 0n) {
            expected[resource] = unit
              ? { billedCostMicros: cost, quantity, unit }
              : { billedCostMicros: cost };
          }
        }
        const difference = micros(raw.totalCost) - parts;
        if (difference !== 0n) {
          expected.other = { billedCostMicros: difference };
        }
        expect(
          Object.fromEntries(
            records.map(r => [
              r.dimension,
              r.unit
                ? {
                    billedCostMicros: r.billedCostMicros,
                    quantity: r.quantity,
                    unit: r.unit,
                  }
                : { billedCostMicros: r.billedCostMicros },
            ]),
          ),
        ).toEqual(expected);
        expect(differenceMicros).toBe(difference);
        for (const record of records) {
          expect(record).toMatchObject({
            day: '2026-03-01',
            provider: 'kubernetes',
            service: raw.properties.cluster,
            dimensionKind: 'resource',
            currency: 'USD',
          });
          expect(record.entityRef).toBeUndefined();
          expect(record.tags?.['opencost.allocation']).toBe(name);
        }
      },
    );
  });

  it('records the rounding gap of the recorded opencost allocation as other', () => {
    const raw = readFixture(WEBSITE_EXAMPLE).data[0].opencost;
    const allocation = parsedSets(WEBSITE_EXAMPLE)[0].find(
      a => a.name === 'opencost',
    )!;
    const { records } = allocationToRecords(allocation, {
      day: '2026-03-01',
      currency: 'USD',
    });
    // 0.10937 - (0.06359 + 0.04577) = 0.00001
    expect(byDimension(records).other.billedCostMicros).toBe(
      micros(raw.totalCost) - micros(raw.cpuCost) - micros(raw.ramCost),
    );
    expect(byDimension(records).other.billedCostMicros).toBe(10n);
  });
});
