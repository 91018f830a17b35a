import { CostRecord, QUANTITY_SCALE } from '@tollgate/plugin-finops-common';
import { PricedUsage, UsageMetric } from '@tollgate/plugin-finops-node';
import {
  ConsumedApi,
  ConsumedApiMatch,
  matchConsumedApis,
} from '../catalog/ConsumedApiIndex';
import { increaseByQuery } from '../promql/queries';
import { FetchSession } from '../source/FetchSession';
import { EntityDay, roundCount } from './EntityDay';
import { isBillable, isThrottled, outboundStatus } from './statusClasses';

/** What one component's outbound calls of one day give. */
export interface ClientCallItems {
  metrics: UsageMetric[];
  costs: CostRecord[];
}

interface OperationCalls {
  host: string;
  method: string;
  route: string;
  calls: number;
}

/**
 * Outbound calls of one component on one day: calls per host and status
 * (`upstream.requests`, labelled with the consumed API(s) the host is a server of), the throttled share per host (`upstream.throttled`), and
 * the successful calls to the APIs the component consumes, priced per operation.
 */
export async function collectClientCalls(
  session: FetchSession,
  { target, day }: EntityDay,
  consumedApis: ConsumedApi[],
): Promise<ClientCallItems> {
  const names = session.config.metrics;
  const samples = await session.query(
    increaseByQuery(
      [
        names.clientHostLabel,
        names.clientStatusLabel,
        names.clientErrorLabel,
        names.clientMethodLabel,
        names.clientRouteLabel,
      ],
      names.clientRequests,
      target.selector,
      day.range,
    ),
    day.time,
  );

  const byHostStatus = new Map<string, Map<string, number>>();
  const operations = new Map<string, OperationCalls>();
  for (const sample of samples) {
    if (!Number.isFinite(sample.value)) {
      continue;
    }
    const label = (name: string) => sample.labels[name] ?? '';
    const host = label(names.clientHostLabel) || 'unknown';
    const status = outboundStatus(
      label(names.clientStatusLabel),
      label(names.clientErrorLabel),
    );
    const calls = roundCount(sample.value);
    const statuses = byHostStatus.get(host) ?? new Map<string, number>();
    statuses.set(status, (statuses.get(status) ?? 0) + calls);
    byHostStatus.set(host, statuses);
    if (isBillable(status)) {
      const method = label(names.clientMethodLabel).toUpperCase();
      const route = label(names.clientRouteLabel);
      const key = `${host}\u0000${method}\u0000${route}`;
      const entry = operations.get(key) ?? { host, method, route, calls: 0 };
      entry.calls += calls;
      operations.set(key, entry);
    }
  }

  const base = { day: day.day, entityRef: target.entityRef };
  const metrics: UsageMetric[] = [];
  for (const [host, statuses] of byHostStatus) {
    const api = consumedApiLabel(consumedApis, host);
    let total = 0;
    let throttled = 0;
    for (const [status, calls] of statuses) {
      metrics.push({
        ...base,
        metric: 'upstream.requests',
        labels: api ? { host, status, api } : { host, status },
        value: calls,
      });
      total += calls;
      throttled += isThrottled(status) ? calls : 0;
    }
    if (total > 0) {
      metrics.push({
        ...base,
        metric: 'upstream.throttled',
        labels: { host },
        value: throttled / total,
      });
    }
  }

  const costs: CostRecord[] = [];
  for (const operation of operations.values()) {
    const matches = matchConsumedApis(consumedApis, operation.host);
    if (operation.calls > 0 && matches.length > 0) {
      costs.push(
        priceOperationCalls(
          session,
          target.entityRef,
          day.day,
          operation,
          matches,
        ),
      );
    }
  }
  return { metrics, costs };
}

/**
 * The `api` label of a host's `upstream.requests`: the lower-case refs of the
 * consumed APIs whose servers answer the host, comma-separated in ref order;
 * undefined when none does.
 */
function consumedApiLabel(
  consumedApis: ConsumedApi[],
  host: string,
): string | undefined {
  const refs = matchConsumedApis(consumedApis, host).map(m =>
    m.api.ref.toLowerCase(),
  );
  return refs.length > 0 ? refs.join(',') : undefined;
}

/** `METHOD /path`, the path taken relative to the matched server's base path. */
function operationName(
  operation: OperationCalls,
  match: ConsumedApiMatch,
): string {
  const { basePath } = match.server;
  let path = operation.route;
  if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) {
    path = path.slice(basePath.length) || '/';
  }
  return [operation.method, path].filter(Boolean).join(' ');
}

function priceOperationCalls(
  session: FetchSession,
  entityRef: string,
  day: string,
  operation: OperationCalls,
  matches: ConsumedApiMatch[],
): CostRecord {
  const quantity = BigInt(operation.calls) * 10n ** BigInt(QUANTITY_SCALE);
  let chosen = matches[0];
  let priced: PricedUsage | undefined;
  for (const match of matches) {
    priced = session.priceBook.priceOperation({
      apiRef: match.api.ref,
      operation: operationName(operation, match),
      quantity,
      day,
    });
    if (priced) {
      chosen = match;
      break;
    }
  }
  const name = operationName(operation, chosen);
  if (!priced) {
    session.warnOnce(
      `operation:${chosen.api.ref}:${name}`,
      `Prometheus source ${session.config.id}: no price for operation "${name}" of ${chosen.api.ref} (host ${operation.host}) called by ${entityRef}; its calls are reported unpriced`,
    );
  }
  return {
    day,
    entityRef,
    provider: operation.host,
    service: chosen.api.displayName,
    dimensionKind: 'operation',
    dimension: name,
    quantity,
    unit: 'calls',
    billedCostMicros: priced?.costMicros ?? 0n,
    currency: priced?.currency ?? session.currency,
    tags: { apiRef: chosen.api.ref, ...(priced ? {} : { unpriced: 'true' }) },
  };
}
