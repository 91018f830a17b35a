import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { VendorIdAnnotation } from '../annotations/keys';
import { readVendorClaims } from '../annotations/vendorClaims';
import { GovernanceRuleDefinition } from './GovernanceRuleDefinition';
import { GovernanceFinding, VENDOR_CLAIM_RULE_ID } from './types';

/**
 * The entities that list each vendor id, by annotation and then id, as full entity
 * refs in the order the entities come.
 *
 * @public
 */
export type VendorIdClaimants = ReadonlyMap<
  VendorIdAnnotation,
  ReadonlyMap<string, readonly string[]>
>;

/**
 * Which entities claim each vendor id. Malformed annotations claim nothing (the
 * syntax rule reports them); an entity claims an id once however often it lists it.
 *
 * @public
 */
export function vendorIdClaimants(
  entities: Iterable<Entity>,
): VendorIdClaimants {
  const claimants = new Map<VendorIdAnnotation, Map<string, string[]>>();
  for (const entity of entities) {
    const { claims } = readVendorClaims(entity);
    if (claims.length === 0) {
      continue;
    }
    const ref = stringifyEntityRef(entity);
    for (const { annotation, ids } of claims) {
      const byId = claimants.get(annotation) ?? new Map<string, string[]>();
      claimants.set(annotation, byId);
      for (const id of ids) {
        const refs = byId.get(id) ?? [];
        if (!refs.includes(ref)) {
          byId.set(id, [...refs, ref]);
        }
      }
    }
  }
  return claimants;
}

/** Names entity refs in prose: "a", "a and b", "a, b and c". */
function listed(refs: readonly string[]): string {
  return refs.length < 2
    ? refs.join('')
    : `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}

/**
 * The vendor ids that more than one entity claims, one finding for each entity that
 * claims one, naming every entity that claims it: spend of such an id is attributed to
 * none of them and stays unallocated. Always advisory: the catalog processor sees one
 * entity at a time and cannot refuse either entity.
 *
 * @public
 */
export function findVendorClaimConflicts(
  entities: Iterable<Entity>,
): GovernanceFinding[] {
  const findings: GovernanceFinding[] = [];
  for (const [annotation, byId] of vendorIdClaimants(entities)) {
    for (const [id, refs] of byId) {
      if (refs.length < 2) {
        continue;
      }
      for (const entityRef of refs) {
        findings.push({
          ruleId: VENDOR_CLAIM_RULE_ID,
          level: 'advisory',
          entityRef,
          annotation,
          message: `${JSON.stringify(
            id,
          )} in ${annotation} is claimed by ${listed(
            refs,
          )}: its spend stays unallocated while more than one entity claims it`,
          howToFix: `Keep ${JSON.stringify(
            id,
          )} in ${annotation} of the one entity whose spend it is, and remove it from the others (${listed(
            refs.filter(ref => ref !== entityRef),
          )}).`,
        });
      }
    }
  }
  return findings;
}

/**
 * The per-entity side of `unique-vendor-ids`, which has nothing to check on one entity
 * alone: {@link findVendorClaimConflicts} checks the catalog as a whole.
 */
export const uniqueVendorIds: GovernanceRuleDefinition = {
  id: VENDOR_CLAIM_RULE_ID,
  defaultKinds: [],
  check: () => [],
};
