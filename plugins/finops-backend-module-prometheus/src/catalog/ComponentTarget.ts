import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_OUTCOME_QUERY,
  ANNOTATION_PROMETHEUS_SELECTOR,
} from '@tollgate/plugin-finops-common';
import { renderSelector } from '../config/renderSelector';
import { LabelSelector } from '../promql/LabelSelector';

/** A component whose metrics a source reads, and how to select them. */
export interface ComponentTarget {
  entity: Entity;
  entityRef: string;
  selector: LabelSelector;
  /** The `tollgate.dev/outcome-query` annotation, when set. */
  outcomeQuery?: string;
}

/**
 * Finds the components to query: each Component with the selector of its
 * `tollgate.dev/prometheus-selector` annotation, or else the default template.
 * A component whose annotation is not a label-matcher block is skipped with a
 * warning that names it and the annotation.
 */
export function resolveComponentTargets(
  entities: Entity[],
  defaultSelector: string,
  logger: LoggerService,
): ComponentTarget[] {
  const targets: ComponentTarget[] = [];
  for (const entity of entities) {
    if (entity.kind.toLowerCase() !== 'component') {
      continue;
    }
    const entityRef = stringifyEntityRef(entity);
    const annotations = entity.metadata.annotations ?? {};
    const annotated = annotations[ANNOTATION_PROMETHEUS_SELECTOR];
    const parsed =
      annotated !== undefined
        ? LabelSelector.parse(annotated)
        : renderSelector(defaultSelector, {
            name: entity.metadata.name,
            namespace: entity.metadata.namespace ?? 'default',
          });
    if (!parsed.ok) {
      logger.warn(
        annotated !== undefined
          ? `Skipping ${entityRef}: annotation ${ANNOTATION_PROMETHEUS_SELECTOR} has invalid value ${JSON.stringify(
              annotated,
            )}: ${
              parsed.reason
            }; expected a PromQL label-matcher block such as {job="summarizer"}`
          : `Skipping ${entityRef}: the default selector ${JSON.stringify(
              defaultSelector,
            )} gives no valid label-matcher block for it: ${parsed.reason}`,
      );
      continue;
    }
    const outcomeQuery = annotations[ANNOTATION_OUTCOME_QUERY]?.trim();
    targets.push({
      entity,
      entityRef,
      selector: parsed.selector,
      outcomeQuery: outcomeQuery || undefined,
    });
  }
  return targets;
}
