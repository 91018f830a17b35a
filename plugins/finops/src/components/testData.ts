import {
  EntityCostResponse,
  SummaryResponse,
} from '@tollgate/plugin-finops-common';

export const entityCost: EntityCostResponse = {
  entityRef: 'component:default/support-summarizer',
  from: '2026-11-27',
  to: '2026-11-28',
  currency: 'USD',
  groupBy: 'model',
  total: '30.50',
  previousTotal: '25.00',
  daily: [
    { day: '2026-11-27', total: '10.25', breakdown: { 'gpt-4o': '10.25' } },
    {
      day: '2026-11-28',
      total: '20.25',
      breakdown: { 'gpt-4o': '12.00', 'claude-sonnet-4': '8.25' },
    },
  ],
  breakdown: [
    { key: 'gpt-4o', cost: '22.25', quantity: '8900000', unit: 'tokens' },
    {
      key: 'claude-sonnet-4',
      cost: '8.25',
      quantity: '2750000',
      unit: 'tokens',
    },
  ],
  sources: [
    {
      id: 'focus:ai-providers',
      type: 'focus',
      stale: false,
      running: false,
      staleSeconds: 600,
    },
    {
      id: 'opencost:prod',
      type: 'opencost',
      stale: true,
      running: false,
      lastError: '2026-11-28..2026-11-28: OpenCost answered 500',
    },
  ],
};

export const emptyEntityCost: EntityCostResponse = {
  ...entityCost,
  total: '0.00',
  previousTotal: '0.00',
  daily: [],
  breakdown: [],
};

export function summary(groupBy: SummaryResponse['groupBy']): SummaryResponse {
  return {
    from: '2026-10-30',
    to: '2026-11-28',
    currency: 'USD',
    groupBy,
    total: '1500.00',
    previousTotal: '1000.00',
    unallocated: '42.10',
    groups: [
      { key: `${groupBy}-a`, cost: '1000.00', previousCost: '500.00' },
      { key: `${groupBy}-b`, cost: '500.00', previousCost: '500.00' },
    ],
    daily: [
      {
        day: '2026-11-28',
        total: '1500.00',
        breakdown: { [`${groupBy}-a`]: '1000.00', [`${groupBy}-b`]: '500.00' },
      },
    ],
  };
}
