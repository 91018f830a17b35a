import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_LATENCY_SLO,
  parseLatencySlo,
} from '@tollgate/plugin-finops-common';

/** The entity's p95 latency objective in seconds; undefined when absent or malformed. */
export function readLatencySlo(entity: Entity): number | undefined {
  const text = entity.metadata.annotations?.[ANNOTATION_LATENCY_SLO];
  if (text === undefined) return undefined;
  const result = parseLatencySlo(ANNOTATION_LATENCY_SLO, text);
  return result.ok ? result.value : undefined;
}
