import {
  Entity,
  RELATION_API_CONSUMED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  DayWindow,
  UpstreamConsumerCalls,
  UpstreamPressureResponse,
} from '@tollgate/plugin-finops-common';
import { CostStore } from '../costs/store/CostStore';

/** The usage metric of outbound calls, per host and status, that cost sources store. */
export const UPSTREAM_REQUESTS_METRIC = 'upstream.requests';

/** The consumers of an API entity (relation `apiConsumedBy`), lower-case, in ref order. */
export function apiConsumers(entity: Entity): string[] {
  const refs = new Set<string>();
  for (const relation of entity.relations ?? []) {
    if (relation.type === RELATION_API_CONSUMED_BY) {
      refs.add(relation.targetRef.toLowerCase());
    }
  }
  return [...refs].sort();
}

function noCalls(entityRef: string): UpstreamConsumerCalls {
  return {
    entityRef,
    calls: 0,
    throttled: 0,
    timeouts: 0,
    errors: 0,
    throttledShare: null,
  };
}

/** Adds calls of one status to a consumer's sums. */
function addCalls(sums: UpstreamConsumerCalls, status: string, calls: number) {
  sums.calls += calls;
  if (status === '429' || status === '503') {
    sums.throttled += calls;
  } else if (status === 'timeout') {
    sums.timeouts += calls;
  } else if (!/^[123]\d\d$/.test(status)) {
    sums.errors += calls;
  }
}

function withShare(sums: UpstreamConsumerCalls): UpstreamConsumerCalls {
  return {
    ...sums,
    throttledShare: sums.calls > 0 ? sums.throttled / sums.calls : null,
  };
}

/**
 * The calls an API entity's consumers made to it in a window: their
 * `upstream.requests` usage metrics whose `api` label (comma-separated lower-case
 * refs) names the API, summed per consumer, busiest first, then by ref.
 */
export async function readUpstreamPressure(
  costStore: Pick<CostStore, 'usageMetrics'>,
  entity: Entity,
  window: DayWindow,
): Promise<UpstreamPressureResponse> {
  if (entity.kind.toLowerCase() !== 'api') {
    throw new InputError(
      `Upstream pressure is reported for API entities, not ${entity.kind}`,
    );
  }
  const entityRef = stringifyEntityRef(entity);
  const apiRef = entityRef.toLowerCase();
  const consumers = apiConsumers(entity);
  const sums = new Map(consumers.map(ref => [ref, noCalls(ref)]));
  const metrics =
    consumers.length > 0
      ? await costStore.usageMetrics({
          entityRefs: consumers,
          window,
          metrics: [UPSTREAM_REQUESTS_METRIC],
        })
      : [];
  const total = noCalls(entityRef);
  for (const metric of metrics) {
    const apis = (metric.labels?.api ?? '').split(',');
    const consumer = sums.get(metric.entityRef.toLowerCase());
    if (!consumer || !apis.includes(apiRef) || !(metric.value > 0)) {
      continue;
    }
    const status = metric.labels?.status ?? 'unknown';
    addCalls(consumer, status, metric.value);
    addCalls(total, status, metric.value);
  }
  return {
    entityRef,
    from: window.from,
    to: window.to,
    consumers: [...sums.values()]
      .map(withShare)
      .sort(
        (a, b) =>
          b.calls - a.calls || a.entityRef.localeCompare(b.entityRef, 'en'),
      ),
    total: withShare(total),
  };
}
