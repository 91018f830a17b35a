import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  openCostLabelName,
} from '@tollgate/plugin-finops-common';
import { allocationValue, isSpecialAllocation } from './allocationNames';
import {
  LabelRequirement,
  aggregatedLabelKey,
  parseLabelSelector,
  readLabel,
} from './labels';
import { WorkloadAllocation, aggregatedValue } from './workloads';

interface SelectorEntity {
  ref: string;
  requirements: LabelRequirement[];
}

/** What the matcher needs to know of an allocation. */
export interface MatchableAllocation {
  name: string;
  labels: Record<string, string>;
}

/**
 * Attributes OpenCost allocations to catalog entities. An allocation belongs to the
 * entity whose `backstage.io/kubernetes-id` equals the allocation's name (the value
 * of the aggregated label), else to the entity whose
 * `backstage.io/kubernetes-label-selector` (`key=value,...`) the allocation's labels
 * satisfy. Where several entities qualify, the one with the most selector terms wins,
 * then the first ref in alphabetical order, so the answer is stable.
 */
export class EntityAllocationMatcher {
  private constructor(
    private readonly aggregate: string,
    private readonly byKubernetesId: Map<string, string>,
    private readonly selectors: SelectorEntity[],
  ) {}

  static fromEntities(
    entities: Entity[],
    options: { aggregate: string; logger?: LoggerService },
  ): EntityAllocationMatcher {
    const idOwners = new Map<string, string[]>();
    const selectors: SelectorEntity[] = [];
    const unsupported: string[] = [];
    for (const entity of entities) {
      const annotations = entity.metadata.annotations ?? {};
      const ref = stringifyEntityRef(entity);
      const id = annotations[ANNOTATION_KUBERNETES_ID]?.trim();
      if (id) {
        idOwners.set(id, [...(idOwners.get(id) ?? []), ref]);
      }
      const selector = annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR];
      if (selector?.trim()) {
        const requirements = parseLabelSelector(selector);
        if (requirements) {
          selectors.push({ ref, requirements });
        } else {
          unsupported.push(ref);
        }
      }
    }

    const byKubernetesId = new Map<string, string>();
    for (const [id, refs] of idOwners) {
      const sorted = [...refs].sort();
      byKubernetesId.set(id, sorted[0]);
      if (sorted.length > 1) {
        options.logger?.warn(
          `Entities ${sorted.join(
            ', ',
          )} share ${ANNOTATION_KUBERNETES_ID} "${id}"; its OpenCost costs are attributed to ${
            sorted[0]
          } only`,
        );
      }
    }
    if (unsupported.length > 0) {
      options.logger?.debug(
        `${ANNOTATION_KUBERNETES_LABEL_SELECTOR} of ${unsupported.join(
          ', ',
        )} is not a plain key=value list; these entities are matched by ${ANNOTATION_KUBERNETES_ID} only`,
      );
    }
    selectors.sort(
      (a, b) =>
        b.requirements.length - a.requirements.length ||
        a.ref.localeCompare(b.ref, 'en-US'),
    );
    return new EntityAllocationMatcher(
      options.aggregate,
      byKubernetesId,
      selectors,
    );
  }

  /**
   * The ref of the entity a workload's cost is attributed to: the one its allocation
   * under the configured aggregation matches, or undefined when its cost is
   * unallocated.
   */
  matchWorkload(workload: WorkloadAllocation): string | undefined {
    const value = aggregatedValue(workload, this.aggregate);
    return value === undefined
      ? undefined
      : this.match({ name: value, labels: workload.labels });
  }

  /** The ref of the entity the allocation belongs to, or undefined for unallocated. */
  match(allocation: MatchableAllocation): string | undefined {
    if (isSpecialAllocation(allocation.name)) {
      return undefined;
    }
    const value = allocationValue(allocation.name, this.aggregate);
    const byId = this.byKubernetesId.get(value);
    if (byId) {
      return byId;
    }
    const labels = { ...allocation.labels };
    const key = aggregatedLabelKey(this.aggregate);
    if (key !== undefined) {
      labels[openCostLabelName(key)] = value;
      labels[key] = value;
    }
    return this.selectors.find(({ requirements }) =>
      requirements.every(
        requirement => readLabel(labels, requirement.key) === requirement.value,
      ),
    )?.ref;
  }
}
