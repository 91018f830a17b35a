import { Entity } from '@backstage/catalog-model';
import {
  DayWindow,
  enumerateDays,
  todayUtc,
} from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import {
  startFinopsTestBackend,
  userAuth as auth,
} from '../../__testUtils__/startFinopsTestBackend';
import { outputTokenSpend } from '../../__testUtils__/outputTokenSpend';

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'ml',
      namespace: 'default',
      annotations: { 'tollgate.dev/budget': '1000 USD/month' },
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'summarizer',
      namespace: 'default',
      annotations: {
        'tollgate.dev/cost-center': 'cc-4100',
        'tollgate.dev/budget': '100 USD/month',
        'tollgate.dev/budget-enforcement': 'hard',
      },
    },
    spec: {
      type: 'capability',
      owner: 'group:default/ml',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/ml' }],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'indexer', namespace: 'default' },
    spec: {
      type: 'capability',
      owner: 'group:default/search',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/search' }],
  },
];

/** Spend of each entity today, as the test sets it. */
class TodaySource implements CostSource {
  readonly id = 'today';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };
  spend = new Map<string, bigint>();

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    for (const day of enumerateDays(window)) {
      for (const [entityRef, billedCostMicros] of this.spend) {
        yield outputTokenSpend(day, entityRef, billedCostMicros);
      }
    }
  }
}

export async function startBackend(options: { allow?: boolean } = {}) {
  const source = new TodaySource();
  const { server, run, notifications } = await startFinopsTestBackend({
    sources: [source],
    entities,
    allow: options.allow,
  });
  async function ingest(spend: Record<string, bigint>) {
    source.spend = new Map(Object.entries(spend));
    await run('today', todayUtc());
  }
  return { server, ingest, sent: notifications };
}

export const summarizer = 'component:default/summarizer';

export function check(server: any, entityRef: string, estimatedCost: string) {
  return request(server)
    .get('/api/finops/v1/guardrails/check')
    .query({ entityRef, estimatedCost })
    .set(auth);
}
