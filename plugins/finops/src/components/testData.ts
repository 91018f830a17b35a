import {
  EntityCostResponse,
  EntityUnitCostResponse,
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

/** The same spend by agent: two named agents and spend that names none. */
export const entityCostByAgent: EntityCostResponse = {
  ...entityCost,
  groupBy: 'agent',
  daily: [
    {
      day: '2026-11-27',
      total: '10.25',
      breakdown: { 'summarizer-agent': '10.25' },
    },
    {
      day: '2026-11-28',
      total: '20.25',
      breakdown: {
        'summarizer-agent': '12.00',
        '(no agent)': '6.00',
        'escalation-drafter': '2.25',
      },
    },
  ],
  breakdown: [
    {
      key: 'summarizer-agent',
      cost: '22.25',
      quantity: '8900000',
      unit: 'tokens',
      sessions: 1204,
    },
    { key: '(no agent)', cost: '6.00', sessions: 0 },
    { key: 'escalation-drafter', cost: '2.25', sessions: 0 },
  ],
};

export const emptyEntityCost: EntityCostResponse = {
  ...entityCost,
  total: '0.00',
  previousTotal: '0.00',
  daily: [],
  breakdown: [],
};

export const entityUnitCost: EntityUnitCostResponse = {
  entityRef: 'component:default/support-summarizer',
  from: '2026-11-26',
  to: '2026-11-28',
  currency: 'USD',
  outcome: {
    query: 'sum(increase(tickets_triaged_total[1d]))',
    unit: 'triaged ticket',
  },
  spend: '30.50',
  previousSpend: '25.00',
  costPerOutcome: {
    units: 61,
    previousUnits: 40,
    cost: '0.50',
    previousCost: '0.625',
    change: -0.2,
  },
  costPer1kRequests: {
    units: 12200,
    previousUnits: 8000,
    cost: '2.50',
    previousCost: '3.125',
    change: -0.2,
  },
  daily: [
    {
      day: '2026-11-26',
      spend: '0.00',
      outcomes: 0,
      requests: 0,
      costPerOutcome: null,
      costPer1kRequests: null,
    },
    {
      day: '2026-11-27',
      spend: '10.25',
      outcomes: 20,
      requests: 4100,
      costPerOutcome: '0.5125',
      costPer1kRequests: '2.50',
    },
    {
      day: '2026-11-28',
      spend: '20.25',
      outcomes: 41,
      requests: 8100,
      costPerOutcome: '0.493902',
      costPer1kRequests: '2.50',
    },
  ],
};

const noUnits = {
  units: 0,
  previousUnits: 0,
  cost: null,
  previousCost: null,
  change: null,
};

/** An entity without an outcome query or any usage. */
export const noUnitCost: EntityUnitCostResponse = {
  ...entityUnitCost,
  outcome: null,
  costPerOutcome: noUnits,
  costPer1kRequests: noUnits,
  daily: entityUnitCost.daily.map(d => ({
    ...d,
    outcomes: 0,
    requests: 0,
    costPerOutcome: null,
    costPer1kRequests: null,
  })),
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
