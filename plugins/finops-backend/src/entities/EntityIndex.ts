import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { readEntityCostLabels } from '@tollgate/plugin-finops-common';
import { VendorClaims } from '../sources/VendorClaims';

/** Normalizes an entity ref ("Component:summarizer") to its full lower-case form. */
export function normalizeEntityRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** The catalog's entities by ref, with their cost labels, for one ingestion run. */
export class EntityIndex {
  private readonly byRef = new Map<
    string,
    { entity: Entity; ref: string; costCenter?: string; team?: string }
  >();

  constructor(readonly entities: Entity[]) {
    for (const entity of entities) {
      const labels = readEntityCostLabels(entity);
      const ref = stringifyEntityRef(entity);
      this.byRef.set(ref.toLocaleLowerCase('en-US'), {
        entity,
        ref,
        costCenter: labels.costCenter,
        team: labels.team,
      });
    }
  }

  private claims?: VendorClaims;

  /** The vendor ids the entities claim, read on first use. */
  get vendorClaims(): VendorClaims {
    return (this.claims ??= VendorClaims.fromEntities(this.entities));
  }

  /** Refs as sources write them, normalized once each: a file repeats a few refs. */
  private readonly normalizedRefs = new Map<string, string | undefined>();

  get(ref: string) {
    let normalized = this.normalizedRefs.get(ref);
    if (normalized === undefined && !this.normalizedRefs.has(ref)) {
      normalized = normalizeEntityRef(ref);
      this.normalizedRefs.set(ref, normalized);
    }
    return normalized ? this.byRef.get(normalized) : undefined;
  }
}
