import { mockCredentials } from '@backstage/backend-test-utils';
import { AuditorEvent } from '@backstage/backend-defaults/auditor';
import { Entity } from '@backstage/catalog-model';
import { DayWindow, enumerateDays } from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import { startFinopsTestBackend } from '../../__testUtils__/startFinopsTestBackend';
import { outputTokenSpend } from '../../__testUtils__/outputTokenSpend';
import { capabilityComponent } from '../../__testUtils__/testEntities';
import { waitForBudgetSnapshot } from '../../__testUtils__/waitForBudgetSnapshot';

export const SUMMARIZER = 'component:default/summarizer';
export const alice = {
  Authorization: mockCredentials.user.header('user:default/alice'),
};
/** A service's token, as an external access token's subject names it. */
export const gateway = {
  Authorization: mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('demo-gateway'),
    targetPluginId: 'finops',
  }),
};

export const entities: Entity[] = [
  capabilityComponent('summarizer', {
    annotations: {
      'tollgate.dev/budget': '10 USD/month',
      'tollgate.dev/budget-enforcement': 'hard',
    },
  }),
];

/** Six dollars of the summarizer's spend each day asked for: past half its budget. */
class HalfBudgetSource implements CostSource {
  readonly id = 'half';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };

  async *fetch(window: DayWindow): AsyncIterable<CostSourceItem> {
    for (const day of enumerateDays(window)) {
      yield outputTokenSpend(day, SUMMARIZER, 6_000_000n);
    }
  }
}

export async function startBackend(options: { allow?: boolean } = {}) {
  const backend = await startFinopsTestBackend({
    entities,
    sources: [new HalfBudgetSource()],
    allow: options.allow,
  });
  if (options.allow !== false) {
    await waitForBudgetSnapshot(backend.server, SUMMARIZER);
  }
  return backend;
}

/** The ended events (succeeded or failed) of one kind, in order. */
export function ended(audits: AuditorEvent[], eventId: string) {
  return audits
    .filter(e => e.eventId === eventId && e.status !== 'initiated')
    .map(e => ({
      status: e.status,
      actorId: e.actor.actorId,
      meta: e.meta,
      request: e.request,
      error: 'error' in e ? e.error.message : undefined,
    }));
}

export const teamBudget = {
  scope: { team: 'search' },
  amount: '40.50',
  currency: 'USD',
  period: 'month',
  enforcement: 'hard',
};
