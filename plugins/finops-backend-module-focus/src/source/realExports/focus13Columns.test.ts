import { Entity } from '@backstage/catalog-model';
import path from 'node:path';
import {
  billedByDay,
  focusCsv,
  readFocusExport,
  sumOf,
} from './readFocusExport';

const FILE = path.resolve(
  __dirname,
  '../../__fixtures__/focus_1_3_columns.csv',
);

const SUMMARIZER: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'summarizer', namespace: 'default' },
};

describe('a FOCUS 1.3 export', () => {
  // The file has InvoiceId, ContractApplied, Allocated*, PricingCurrency*, SubAccount*,
  // HostProviderName and ServiceProviderName, and neither ProviderName nor
  // PublisherName; its rows are, by day, these BilledCost amounts.
  const BILLED = {
    '2025-08-01': ['1.50', '0.75', '2.25'],
    '2025-08-02': ['4.00'],
  };

  it('reads every row, with the columns it does not use left aside', async () => {
    const { records } = await readFocusExport(
      { file: FILE },
      {
        entityTagKey: 'backstage-entity',
        costCenterTagKey: 'cost-center',
        entities: [SUMMARIZER],
      },
    );
    expect(billedByDay(records)).toEqual({
      '2025-08-01': sumOf(BILLED['2025-08-01']),
      '2025-08-02': sumOf(BILLED['2025-08-02']),
    });
    expect(records[0]).toEqual({
      day: '2025-08-01',
      entityRef: 'component:default/summarizer',
      provider: 'solora-ai',
      service: 'Solora Generative AI API',
      model: 'solora-reasoning-pro',
      dimensionKind: 'tokenType',
      dimension: 'input',
      quantity: 400_000_000_000n,
      unit: 'Tokens',
      billedCostMicros: 1_500_000n,
      listCostMicros: 1_600_000n,
      // the contract commitment applied
      effectiveCostMicros: 1_200_000n,
      currency: 'USD',
      tags: { 'backstage-entity': 'component:default/summarizer' },
    });
  });

  it('names the provider by HostProviderName where a row has no ServiceProviderName', async () => {
    const { records } = await readFocusExport(
      { file: FILE },
      { costCenterTagKey: 'cost-center' },
    );
    // the split allocation of one shared node: its allocated charges add up to it
    const allocated = records.filter(r => r.service === 'Nimbus Kubernetes');
    expect(
      allocated.map(r => [r.provider, r.costCenter, r.billedCostMicros]),
    ).toEqual([
      ['cloudnimbus', 'cc-ml', 750_000n],
      ['cloudnimbus', 'cc-batch', 2_250_000n],
    ]);
    expect(allocated.reduce((t, r) => t + r.billedCostMicros, 0n)).toBe(
      sumOf(['3.00']),
    );
  });

  it('reads a file that names its provider only by HostProviderName', async () => {
    const text = focusCsv(
      [
        'BilledCost',
        'EffectiveCost',
        'BillingCurrency',
        'ChargePeriodStart',
        'ChargePeriodEnd',
        'HostProviderName',
        'InvoiceIssuerName',
        'InvoiceId',
        'ServiceName',
      ],
      [
        ['7.25', 'Cloudnimbus'],
        ['1.75', ''],
      ].map(([cost, host]) => ({
        BilledCost: cost,
        EffectiveCost: cost,
        BillingCurrency: 'USD',
        ChargePeriodStart: '2025-08-03T00:00:00Z',
        ChargePeriodEnd: '2025-08-04T00:00:00Z',
        HostProviderName: host,
        InvoiceIssuerName: 'Marketplace Reseller',
        InvoiceId: 'INV-1',
        ServiceName: 'Object Storage',
      })),
    );
    const { records } = await readFocusExport(text);
    expect(records.map(r => [r.provider, r.billedCostMicros])).toEqual([
      ['cloudnimbus', 7_250_000n],
      ['marketplace-reseller', 1_750_000n],
    ]);
    expect(billedByDay(records)).toEqual({
      '2025-08-03': sumOf(['7.25', '1.75']),
    });
  });
});
