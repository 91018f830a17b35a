import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_API_KEYS,
  VENDOR_ID_ANNOTATIONS,
  VendorIdAnnotation,
  VendorIdClaimants,
  vendorIdClaimants,
} from '@tollgate/plugin-finops-common';
import { VENDOR_ATTRIBUTION_TAGS } from '@tollgate/plugin-finops-node';

/** Every record tag that holds a vendor id an entity can claim. */
export const VENDOR_ID_TAGS: readonly string[] = [
  ...new Set(VENDOR_ID_ANNOTATIONS.flatMap(a => VENDOR_ATTRIBUTION_TAGS[a])),
];

/** A vendor id of a record, with the entities that claim it. */
export interface VendorIdOfRecord {
  annotation: VendorIdAnnotation;
  /** The record tag holding the id, such as `openai.project_id`. */
  tag: string;
  id: string;
  /**
   * The entities that claim it: one gets the record's spend; none or several leave it
   * unallocated.
   */
  claimedBy: readonly string[];
}

/**
 * The vendor ids (projects, workspaces, teams, API keys) that catalog entities claim,
 * and what they decide for a record without an entity.
 */
export class VendorClaims {
  static fromEntities(entities: Iterable<Entity>): VendorClaims {
    return new VendorClaims(vendorIdClaimants(entities));
  }

  private constructor(private readonly claimants: VendorIdClaimants) {}

  /** Whether no entity claims any id: no record is attributed through a claim. */
  get empty(): boolean {
    return this.claimants.size === 0;
  }

  /**
   * The vendor id that decides whose spend a record is: of the record's ids, the
   * claimed ones of the first annotation in VENDOR_ID_ANNOTATIONS order that claims any
   * (an API key before a project, workspace or team). When its ids are claimed by
   * several entities together, `claimedBy` names them all and the record stays
   * unallocated. Undefined when no entity claims any id of the record.
   */
  decide(
    tags: Record<string, string> | undefined,
  ): VendorIdOfRecord | undefined {
    if (!tags || this.empty) {
      return undefined;
    }
    for (const annotation of VENDOR_ID_ANNOTATIONS) {
      const byId = this.claimants.get(annotation);
      if (!byId) {
        continue;
      }
      let decided: VendorIdOfRecord | undefined;
      for (const tag of VENDOR_ATTRIBUTION_TAGS[annotation]) {
        const id = tags[tag];
        const refs = id === undefined ? undefined : byId.get(id);
        if (id === undefined || !refs) {
          continue;
        }
        decided = decided
          ? {
              ...decided,
              claimedBy: [...new Set([...decided.claimedBy, ...refs])],
            }
          : { annotation, tag, id, claimedBy: refs };
      }
      if (decided) {
        return decided;
      }
    }
    return undefined;
  }

  /** The single entity whose spend a record with these tags is, if there is one. */
  claimant(tags: Record<string, string> | undefined): string | undefined {
    const decided = this.decide(tags);
    return decided?.claimedBy.length === 1 ? decided.claimedBy[0] : undefined;
  }

  /**
   * The vendor id a record's spend is listed under: the one that decides it, else (no
   * entity claims any) the id that would claim the most, a project, workspace or team
   * before an API key. Undefined for a record that carries no vendor id.
   */
  name(tags: Record<string, string> | undefined): VendorIdOfRecord | undefined {
    const decided = this.decide(tags);
    if (decided || !tags) {
      return decided;
    }
    const broadestFirst: VendorIdAnnotation[] = [
      ...VENDOR_ID_ANNOTATIONS.filter(a => a !== ANNOTATION_API_KEYS),
      ANNOTATION_API_KEYS,
    ];
    for (const annotation of broadestFirst) {
      for (const tag of VENDOR_ATTRIBUTION_TAGS[annotation]) {
        const id = tags[tag];
        if (id !== undefined && id !== '') {
          return { annotation, tag, id, claimedBy: [] };
        }
      }
    }
    return undefined;
  }
}
