import {
  EntityMeteringResponse,
  MeteringSummaryResponse,
} from '@tollgate/plugin-finops-common';

export const meteringEntityRef = 'component:default/store-locator';

/** 12.34 USD metered today in 42 events, 2 reservations holding 0.75, 75% of a hard limit. */
export const entityMetering: EntityMeteringResponse = {
  entityRef: meteringEntityRef,
  day: '2026-11-28',
  currency: 'USD',
  asOf: '2026-11-28T10:15:03.000Z',
  today: {
    total: '12.34',
    events: 42,
    byModel: [
      { key: 'claude-sonnet-4', cost: '2.34', events: 12 },
      { key: 'gpt-4o', cost: '10.00', events: 30 },
    ],
    byAgent: [
      { key: 'locator-agent', cost: '11.00', events: 40 },
      { key: '(no agent)', cost: '1.34', events: 2 },
    ],
  },
  reservations: {
    count: 2,
    total: '0.75',
    open: [
      {
        id: 'r-2',
        amount: '0.50',
        currency: 'USD',
        agentId: 'locator-agent',
        sessionId: 'session-42',
        createdAt: '2026-11-28T10:14:00.000Z',
        expiresAt: '2026-11-28T10:24:00.000Z',
      },
      {
        id: 'r-1',
        amount: '0.25',
        currency: 'USD',
        createdAt: '2026-11-28T10:10:00.000Z',
        expiresAt: '2026-11-28T10:15:00.000Z',
      },
    ],
  },
  spendRateLimit: {
    limit: '25.00 USD/hour',
    per: 'hour',
    enforcement: 'hard',
    spent: '18.00',
    reserved: '0.75',
    remaining: '6.25',
    utilization: 75,
  },
};

/** Nothing metered today, nothing reserved, no spend-rate limit. */
export const noMetering: EntityMeteringResponse = {
  entityRef: meteringEntityRef,
  day: '2026-11-28',
  currency: 'USD',
  asOf: '2026-11-28T10:15:03.000Z',
  today: { total: '0', events: 0, byModel: [], byAgent: [] },
  reservations: { count: 0, total: '0', open: [] },
};

export const meteringSummary: MeteringSummaryResponse = {
  from: '2026-10-30',
  to: '2026-11-28',
  currency: 'USD',
  denials: {
    total: 17,
    byEntity: [
      {
        entityRef: 'component:default/ticket-triage',
        count: 15,
        lastAt: '2026-11-28T09:58:00.000Z',
        lastReason:
          'Denied: the hard budget of component:default/ticket-triage (800.00 USD/month) would reach 101.2%',
      },
      {
        entityRef: 'component:default/fraud-scorer',
        count: 2,
        lastAt: '2026-11-27T17:30:00.000Z',
        lastReason: 'Denied: the session session-9 would pass its cap of 5.00',
      },
    ],
  },
  topAgents: [
    {
      agentId: 'triage-agent',
      cost: '640.50',
      events: 12000,
      entityRefs: [
        'component:default/ticket-triage',
        'component:default/agent-assist',
      ],
    },
    {
      agentId: 'locator-agent',
      cost: '11.00',
      events: 40,
      entityRefs: ['component:default/store-locator'],
    },
  ],
  topSessions: [
    {
      sessionId: 'session-loop-1',
      agentId: 'triage-agent',
      entityRef: 'component:default/ticket-triage',
      cost: '412.00',
      events: 9000,
    },
    { sessionId: 'session-7', cost: '0.20', events: 1 },
  ],
};

export const emptyMeteringSummary: MeteringSummaryResponse = {
  from: '2026-10-30',
  to: '2026-11-28',
  currency: 'USD',
  denials: { total: 0, byEntity: [] },
  topAgents: [],
  topSessions: [],
};
