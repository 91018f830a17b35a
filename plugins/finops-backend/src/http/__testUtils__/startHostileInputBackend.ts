import { Entity } from '@backstage/catalog-model';
import { DayWindow, enumerateDays } from '@tollgate/plugin-finops-common';
import { CostSource, CostSourceItem } from '@tollgate/plugin-finops-node';
import { outputTokenSpend } from '../../__testUtils__/outputTokenSpend';
import { startFinopsTestBackend } from '../../__testUtils__/startFinopsTestBackend';
import { capabilityComponent } from '../../__testUtils__/testEntities';

export const SUMMARIZER = 'component:default/summarizer';

const entities: Entity[] = [
  capabilityComponent('summarizer', {
    annotations: {
      'tollgate.dev/cost-center': 'cc-4100',
      'tollgate.dev/budget': '100 USD/month',
      'tollgate.dev/budget-enforcement': 'hard',
    },
  }),
  capabilityComponent('indexer', { team: 'search' }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jane', namespace: 'default' },
    spec: {},
  },
];

/** Spend per day as the test sets it; `silent` never answers until aborted. */
class ScriptedSource implements CostSource {
  readonly id = 'scripted';
  readonly type = 'test';
  readonly schedule = { frequency: { trigger: 'manual' as const } };
  perDay = 150_000_000n;
  silent = false;
  /** A day whose fetch breaks after the days before it were yielded. */
  failOn?: string;
  windows: DayWindow[] = [];

  async *fetch(
    window: DayWindow,
    context: { signal: AbortSignal },
  ): AsyncIterable<CostSourceItem> {
    this.windows.push(window);
    if (this.silent) {
      await new Promise((_, reject) =>
        context.signal.addEventListener('abort', () =>
          reject(context.signal.reason),
        ),
      );
    }
    if (this.perDay === 0n) return;
    for (const day of enumerateDays(window)) {
      if (day === this.failOn) throw new Error(`export broke at ${day}`);
      yield outputTokenSpend(day, SUMMARIZER, this.perDay);
    }
  }
}

export async function startBackend() {
  const source = new ScriptedSource();
  const backend = await startFinopsTestBackend({
    sources: [source],
    entities,
    config: {
      tollgate: {
        ingestion: {
          manualRunTimeoutSeconds: 1,
          attempts: 1,
          retryDelaySeconds: 0,
        },
      },
    },
  });
  return { ...backend, source };
}

export function budget(body: object) {
  return {
    scope: { team: 'search' },
    amount: '40.00',
    currency: 'USD',
    period: 'month',
    ...body,
  };
}
