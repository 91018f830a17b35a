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
import { capabilityComponent, mlGroup } from '../../__testUtils__/testEntities';

const entities: Entity[] = [
  mlGroup,
  capabilityComponent('summarizer', {
    annotations: {
      'tollgate.dev/cost-center': 'cc-4100',
      'tollgate.dev/budget': '100 USD/month',
      'tollgate.dev/budget-enforcement': 'hard',
    },
    ownedByRelation: true,
  }),
  capabilityComponent('indexer', { team: 'search', ownedByRelation: true }),
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
