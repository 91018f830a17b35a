import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CostRecord } from '@tollgate/plugin-finops-common';

/** Which Tags keys attribute a FOCUS row. */
export interface FocusAttributionKeys {
  entityTagKey?: string;
  costCenterTagKey?: string;
  teamTagKey?: string;
}

/** The attribution fields of a cost record. */
export type FocusAttributionFields = Pick<
  CostRecord,
  'entityRef' | 'costCenter' | 'team'
>;

const MAX_EXAMPLES = 5;
const MAX_RESOLVED = 10_000;

function refKey(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * Attributes FOCUS rows through their tags: to the catalog entity named by the entity
 * tag when the catalog knows it, otherwise to the cost center and team tags. A ref
 * that is invalid or unknown to the catalog leaves the row unallocated; such refs are
 * counted so that the source can report them.
 */
export class FocusAttribution {
  private unmatchedCount = 0;
  private readonly unmatchedExamples = new Set<string>();
  /** Tag values already looked up; null when they match no entity. */
  private readonly resolved = new Map<string, string | null>();

  private constructor(
    private readonly keys: FocusAttributionKeys,
    /** Catalog refs by their lower-cased form. */
    private readonly known: Map<string, string>,
  ) {}

  /** Loads the catalog's entity refs when an entity tag key is configured. */
  static async create(
    keys: FocusAttributionKeys,
    entities: () => Promise<Entity[]>,
  ): Promise<FocusAttribution> {
    return FocusAttribution.fromRefs(
      keys,
      keys.entityTagKey
        ? (await entities()).map(e => stringifyEntityRef(e))
        : [],
    );
  }

  /** With the refs of the catalog's entities, as `stringifyEntityRef` writes them. */
  static fromRefs(
    keys: FocusAttributionKeys,
    refs: string[],
  ): FocusAttribution {
    const known = new Map<string, string>();
    for (const ref of refs) {
      known.set(refKey(ref), ref);
    }
    return new FocusAttribution(keys, known);
  }

  attribute(tags: Record<string, string> | undefined): FocusAttributionFields {
    const { entityTagKey, costCenterTagKey, teamTagKey } = this.keys;
    const tagged = entityTagKey ? tags?.[entityTagKey]?.trim() : undefined;
    if (tagged) {
      const entityRef = this.lookup(tagged);
      if (entityRef) {
        return { entityRef };
      }
      this.unmatchedCount += 1;
      if (this.unmatchedExamples.size < MAX_EXAMPLES) {
        this.unmatchedExamples.add(tagged);
      }
    }
    const costCenter = costCenterTagKey ? tags?.[costCenterTagKey]?.trim() : '';
    const team = teamTagKey ? tags?.[teamTagKey]?.trim() : '';
    return {
      ...(costCenter ? { costCenter } : {}),
      ...(team ? { team } : {}),
    };
  }

  /** Rows whose entity tag held an invalid ref or one the catalog does not know. */
  get unmatched(): { count: number; examples: string[] } {
    return {
      count: this.unmatchedCount,
      examples: [...this.unmatchedExamples],
    };
  }

  private lookup(text: string): string | undefined {
    const cached = this.resolved.get(text);
    if (cached !== undefined) {
      return cached ?? undefined;
    }
    let ref: string | undefined;
    try {
      ref = this.known.get(refKey(stringifyEntityRef(parseEntityRef(text))));
    } catch {
      ref = undefined;
    }
    if (this.resolved.size < MAX_RESOLVED) {
      this.resolved.set(text, ref ?? null);
    }
    return ref;
  }
}
