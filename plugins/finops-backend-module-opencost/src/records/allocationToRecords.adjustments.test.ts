import { OpenCostAllocation } from '../client/OpenCostAllocation';
import { allocationToRecords } from './allocationToRecords';
import { byDimension, sum } from '../__testUtils__/allocationRecords';

describe('allocationToRecords', () => {
  it('adds adjustments into their resource and keeps every resource', () => {
    const allocation: OpenCostAllocation = {
      name: 'summarizer',
      cluster: 'prod-eu',
      labels: {},
      values: {
        cpuCost: 1.25,
        cpuCostAdjustment: -0.05,
        cpuCoreHours: 48,
        ramCost: 0.3,
        ramCostAdjustment: 0.000001,
        ramByteHours: 103079215104, // 96 GiB-hours
        gpuCost: 7.1,
        gpuCostAdjustment: 0,
        gpuHours: 2.5,
        pvCost: 0.1,
        pvCostAdjustment: 0.02,
        pvByteHours: 257698037760, // 240 GiB-hours
        networkCost: 0.2,
        networkCostAdjustment: 0,
        networkTransferBytes: 5368709120, // 5 GiB
        loadBalancerCost: 0.6,
        loadBalancerCostAdjustment: 0.1,
        sharedCost: 0.4,
        externalCost: 1.5,
        totalCost: 11.520001,
      },
    };
    const { records, differenceMicros } = allocationToRecords(allocation, {
      day: '2026-03-02',
      entityRef: 'component:default/summarizer',
      currency: 'EUR',
    });
    const dims = byDimension(records);
    expect(differenceMicros).toBe(0n);
    expect(Object.keys(dims).sort()).toEqual(
      [
        'cpu',
        'external',
        'gpu',
        'loadBalancer',
        'network',
        'pv',
        'ram',
        'shared',
      ].sort(),
    );
    expect(dims.cpu).toMatchObject({
      billedCostMicros: 1_200_000n,
      quantity: 48_000_000n,
      unit: 'core-hours',
    });
    expect(dims.ram).toMatchObject({
      billedCostMicros: 300_001n,
      quantity: 96_000_000n,
      unit: 'GiB-hours',
    });
    expect(dims.gpu).toMatchObject({
      billedCostMicros: 7_100_000n,
      quantity: 2_500_000n,
      unit: 'gpu-hours',
    });
    expect(dims.pv).toMatchObject({
      billedCostMicros: 120_000n,
      quantity: 240_000_000n,
      unit: 'GiB-hours',
    });
    expect(dims.network).toMatchObject({
      billedCostMicros: 200_000n,
      quantity: 5_000_000n,
      unit: 'GiB',
    });
    expect(dims.loadBalancer.billedCostMicros).toBe(700_000n);
    expect(dims.loadBalancer.quantity).toBeUndefined();
    expect(dims.shared.billedCostMicros).toBe(400_000n);
    expect(dims.external.billedCostMicros).toBe(1_500_000n);
    expect(sum(records)).toBe(11_520_001n);
    for (const record of records) {
      expect(record).toMatchObject({
        entityRef: 'component:default/summarizer',
        service: 'prod-eu',
        currency: 'EUR',
        tags: {
          'opencost.allocation': 'summarizer',
          'kubernetes.cluster': 'prod-eu',
        },
      });
    }
  });

  it('never sums floats: 0.1 + 0.2 is 0.3 exactly', () => {
    const { records, differenceMicros } = allocationToRecords(
      {
        name: 'a',
        labels: {},
        values: { cpuCost: 0.1, ramCost: 0.2, totalCost: 0.3 },
      },
      { day: '2026-03-01', currency: 'USD' },
    );
    expect(differenceMicros).toBe(0n);
    expect(sum(records)).toBe(300_000n);
  });

  it('puts a difference from totalCost in an other record, negative or positive', () => {
    const { records, differenceMicros } = allocationToRecords(
      {
        name: 'a',
        labels: {},
        values: { cpuCost: 1, ramCost: 0.5, totalCost: 1.4 },
      },
      { day: '2026-03-01', currency: 'USD', cluster: 'prod' },
    );
    expect(differenceMicros).toBe(-100_000n);
    expect(byDimension(records).other).toMatchObject({
      billedCostMicros: -100_000n,
      service: 'prod',
      tags: { 'opencost.difference': 'totalCost' },
    });
    expect(sum(records)).toBe(1_400_000n);
  });

  it('uses the sum of the parts when totalCost is null (NaN on the server)', () => {
    const { records, differenceMicros } = allocationToRecords(
      { name: 'a', labels: {}, values: { cpuCost: 1, ramCost: 0.5 } },
      { day: '2026-03-01', currency: 'USD' },
    );
    expect(differenceMicros).toBe(0n);
    expect(sum(records)).toBe(1_500_000n);
    expect(records[0].service).toBe('kubernetes');
  });

  it('reads numbers with more digits than a micro-unit exactly enough', () => {
    const { records } = allocationToRecords(
      {
        name: 'a',
        labels: {},
        values: { cpuCost: 1.2345678901234567e-5, totalCost: 0.0000123 },
      },
      { day: '2026-03-01', currency: 'USD' },
    );
    expect(byDimension(records).cpu.billedCostMicros).toBe(12n);
    expect(sum(records)).toBe(12n);
  });
});
