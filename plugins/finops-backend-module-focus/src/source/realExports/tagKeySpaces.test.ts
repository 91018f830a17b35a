import { Entity } from '@backstage/catalog-model';
import { CostRecord } from '@tollgate/plugin-finops-common';
import {
  billedTotal,
  focusCsv,
  readFocusExport,
  sumOf,
} from './readFocusExport';

const COLUMNS = [
  'BilledCost',
  'BillingCurrency',
  'ChargePeriodStart',
  'ChargeDescription',
  'ProviderName',
  'Tags',
];

const SUMMARIZER: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'summarizer', namespace: 'default' },
};

/** Rows whose Tags keys carry stray spaces, as some exports write them. */
const ROWS: Array<[cost: string, tags: Record<string, string>]> = [
  ['10.10', { ' backstage-entity': 'component:default/summarizer' }],
  ['20.20', { 'backstage-entity ': 'component:default/summarizer', env: 'p' }],
  ['30.30', { ' cost-center ': 'cc-1', 'team ': 'search' }],
  // the same key twice once trimmed, holding the same value: nothing is lost
  ['40.40', { 'cost-center': 'cc-2', ' cost-center': 'cc-2' }],
];
/** The same key twice once trimmed, with different values. */
const CLASH: [string, Record<string, string>] = [
  '50.50',
  { 'cost-center': 'cc-1', 'cost-center ': 'cc-2' },
];

function csv(rows: Array<[string, Record<string, string>]>): string {
  return focusCsv(
    COLUMNS,
    rows.map(([cost, tags], i) => ({
      BilledCost: cost,
      BillingCurrency: 'USD',
      ChargePeriodStart: '2025-05-01T00:00:00Z',
      ChargeDescription: `row ${i + 1}`,
      ProviderName: 'OpenAI',
      Tags: JSON.stringify(tags),
    })),
  );
}

const OPTIONS = {
  entityTagKey: 'backstage-entity',
  costCenterTagKey: 'cost-center',
  teamTagKey: 'team',
  entities: [SUMMARIZER],
};

function billedBy(
  records: CostRecord[],
  key: (r: CostRecord) => string,
): Record<string, bigint> {
  const totals: Record<string, bigint> = {};
  for (const r of records) {
    totals[key(r)] = (totals[key(r)] ?? 0n) + r.billedCostMicros;
  }
  return totals;
}

describe('a FOCUS export whose tag keys have stray spaces', () => {
  it('trims the keys, so that the tags attribute the rows', async () => {
    const { records } = await readFocusExport(csv(ROWS), OPTIONS);
    expect(
      billedBy(records, r => r.entityRef ?? `cost center ${r.costCenter}`),
    ).toEqual({
      'component:default/summarizer': sumOf(['10.10', '20.20']),
      'cost center cc-1': sumOf(['30.30']),
      'cost center cc-2': sumOf(['40.40']),
    });
    expect(records.map(r => r.tags)).toEqual([
      { 'backstage-entity': 'component:default/summarizer' },
      { 'backstage-entity': 'component:default/summarizer', env: 'p' },
      { 'cost-center': 'cc-1', team: 'search' },
      { 'cost-center': 'cc-2' },
    ]);
    expect(records[2].team).toBe('search');
  });

  it('reports two keys that clash once trimmed, naming the line and the keys', async () => {
    await expect(
      readFocusExport(csv([...ROWS, CLASH]), OPTIONS),
    ).rejects.toThrow(
      /has 1 invalid row: line 6: Tags has the keys "cost-center" and "cost-center ", which are both "cost-center" without their spaces, with different values$/,
    );
  });

  it('keeps the other rows and warns of the clash when told to skip invalid rows', async () => {
    const { records, logged } = await readFocusExport(csv([CLASH, ...ROWS]), {
      ...OPTIONS,
      invalidRows: 'skip',
    });
    expect(billedTotal(records)).toBe(sumOf(ROWS.map(([cost]) => cost)));
    expect(logged.warn).toEqual([
      expect.stringContaining('line 2: Tags has the keys "cost-center" and'),
    ]);
  });
});
