import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import {
  CostRecord,
  DayWindow,
  parseMicros,
} from '@tollgate/plugin-finops-common';
import {
  CostSourceFetchContext,
  UsageMetric,
} from '@tollgate/plugin-finops-node';
import { OpenCostReplayServer } from '../../replay/OpenCostReplayServer';
import { OpenCostCostSource } from '../OpenCostCostSource';
import { readOpenCostSourceConfigs } from '../config/readOpenCostSourceConfigs';

export const DAY: DayWindow = { from: '2026-03-01', to: '2026-03-01' };

export function component(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

export function context(
  entities: Entity[] = [],
  signal: AbortSignal = new AbortController().signal,
): CostSourceFetchContext {
  return {
    signal,
    logger: mockServices.logger.mock(),
    entities: async () => entities,
    priceBook: {
      priceTokens: () => undefined,
      priceRequests: () => undefined,
      priceOperation: () => undefined,
    },
  };
}

export function sourceFor(
  server: OpenCostReplayServer,
  options: Record<string, unknown> = {},
): OpenCostCostSource {
  const [config] = readOpenCostSourceConfigs(
    new ConfigReader({
      tollgate: {
        sources: {
          opencost: [
            { id: 'test', baseUrl: server.url, timeout: '5s', ...options },
          ],
        },
      },
    }),
  );
  return OpenCostCostSource.fromConfig(config);
}

export async function collect(
  source: OpenCostCostSource,
  window: DayWindow,
  ctx: CostSourceFetchContext,
): Promise<CostRecord[]> {
  const records: CostRecord[] = [];
  for await (const item of source.fetch(window, ctx)) {
    if (item.type !== 'cost') {
      throw new Error(`unexpected ${item.type} item`);
    }
    records.push(item.record);
  }
  return records;
}

/** Everything a source yields for a window: cost records and usage metrics. */
export async function collectAll(
  source: OpenCostCostSource,
  window: DayWindow,
  ctx: CostSourceFetchContext,
): Promise<{ records: CostRecord[]; metrics: UsageMetric[] }> {
  const records: CostRecord[] = [];
  const metrics: UsageMetric[] = [];
  for await (const item of source.fetch(window, ctx)) {
    if (item.type === 'cost') {
      records.push(item.record);
    } else {
      metrics.push(item.metric);
    }
  }
  return { records, metrics };
}

export function totalOf(records: CostRecord[], allocation?: string): bigint {
  return records
    .filter(r => !allocation || r.tags?.['opencost.allocation'] === allocation)
    .reduce((sum, r) => sum + r.billedCostMicros, 0n);
}

export function micros(value: unknown): bigint {
  return typeof value === 'number' ? parseMicros(value)! : 0n;
}

/** The allocations the server answered to its nth request. */
export function served(server: OpenCostReplayServer, index = 0) {
  return JSON.parse(server.requests[index].body!).data as Array<
    Record<string, Record<string, any>>
  >;
}
