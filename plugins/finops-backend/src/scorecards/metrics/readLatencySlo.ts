import { Entity } from '@backstage/catalog-model';

/** The annotation declaring the p95 latency objective, such as `800ms` or `1.5s`. */
export const ANNOTATION_LATENCY_SLO = 'tollgate.dev/latency-slo';

/** The entity's p95 latency objective in seconds; undefined when absent or malformed. */
export function readLatencySlo(entity: Entity): number | undefined {
  const text = entity.metadata.annotations?.[ANNOTATION_LATENCY_SLO];
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/.exec(text ?? '');
  if (!match) return undefined;
  const value = Number(match[1]) / (match[2] === 'ms' ? 1000 : 1);
  return value > 0 ? value : undefined;
}
