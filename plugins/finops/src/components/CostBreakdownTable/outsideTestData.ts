import { EntityCostResponse } from '@tollgate/plugin-finops-common';
import { entityCost } from '../testData';

/**
 * ticket-triage's spend as the API answers it: model tokens of one model, and spend
 * outside the dimension (Twilio calls of a FOCUS invoice, an OpenCost allocation,
 * metered API calls), marked `outside`.
 */
const triage = {
  ...entityCost,
  entityRef: 'component:default/ticket-triage',
  total: '40.805006',
  previousTotal: '40.805006',
};

export const triageByModel: EntityCostResponse = {
  ...triage,
  groupBy: 'model',
  daily: [
    {
      day: '2026-11-27',
      total: '24.680001',
      breakdown: {
        'claude-3-5-haiku-20241022': '15.200001',
        '(other services)': '9.48',
      },
    },
    {
      day: '2026-11-28',
      total: '16.125005',
      breakdown: {
        'claude-3-5-haiku-20241022': '15.200001',
        '(Kubernetes)': '0.760004',
        'gpt-4o-mini': '0.15',
        '(API calls)': '0.015',
      },
    },
  ],
  breakdown: [
    {
      key: 'claude-3-5-haiku-20241022',
      cost: '30.400002',
      quantity: '30000000',
      unit: 'tokens',
    },
    { key: '(other services)', outside: 'otherServices', cost: '9.48' },
    { key: '(Kubernetes)', outside: 'kubernetes', cost: '0.760004' },
    { key: 'gpt-4o-mini', cost: '0.15', quantity: '2000000', unit: 'tokens' },
    {
      key: '(API calls)',
      outside: 'apiCalls',
      cost: '0.015',
      quantity: '3',
      unit: 'calls',
    },
  ],
};

export const triageByTokenType: EntityCostResponse = {
  ...triage,
  groupBy: 'tokenType',
  daily: [],
  breakdown: [
    {
      key: 'input',
      cost: '22.400002',
      quantity: '28000000',
      unit: 'tokens',
    },
    { key: '(other services)', outside: 'otherServices', cost: '9.48' },
    { key: 'output', cost: '8.00', quantity: '2000000', unit: 'tokens' },
    { key: '(Kubernetes)', outside: 'kubernetes', cost: '0.760004' },
    { key: 'cache-read', cost: '0.15', quantity: '2000000', unit: 'tokens' },
    { key: '(API calls)', outside: 'apiCalls', cost: '0.015' },
  ],
};

export const triageByAgent: EntityCostResponse = {
  ...triage,
  groupBy: 'agent',
  daily: [],
  breakdown: [
    { key: 'triage-agent', cost: '30.400002', sessions: 0 },
    {
      key: '(other services)',
      outside: 'otherServices',
      cost: '9.48',
      sessions: 0,
    },
    {
      key: '(Kubernetes)',
      outside: 'kubernetes',
      cost: '0.760004',
      sessions: 0,
    },
    { key: '(no agent)', outside: 'unnamed', cost: '0.15', sessions: 0 },
    { key: '(API calls)', outside: 'apiCalls', cost: '0.015', sessions: 0 },
  ],
};
