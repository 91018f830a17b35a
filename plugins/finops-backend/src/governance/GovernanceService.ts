import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GovernanceFinding,
  GovernanceReport,
  GovernanceRule,
  LABELLED_ENTITY_KINDS,
  evaluateGovernance,
  findVendorClaimConflicts,
  isKindOf,
} from '@tollgate/plugin-finops-common';
import { toCostedEntity } from '../entities/CostedEntity';
import { entityRefKey } from '../entities/entityRefKey';
import { readCostedEntities } from '../entities/readCostedEntities';

export interface FindingsFilter {
  entityRef?: string;
  team?: string;
  rule?: string;
  level?: string;
}

/**
 * Evaluates every governance rule, advisory and enforced, over the catalog: each
 * labelled entity alone, and the vendor ids claimed by every entity that spend can be
 * attributed to, together (`unique-vendor-ids`, which no catalog processor can see).
 */
export class GovernanceService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly rules: readonly GovernanceRule[],
  ) {}

  async findings(
    filter: FindingsFilter,
    credentials: BackstageCredentials,
  ): Promise<GovernanceReport> {
    const costed = await readCostedEntities(this.catalog, credentials);
    const conflicts = new Map<string, GovernanceFinding[]>();
    for (const finding of findVendorClaimConflicts(costed)) {
      const ref = entityRefKey(finding.entityRef);
      conflicts.set(ref, [...(conflicts.get(ref) ?? []), finding]);
    }
    const items: GovernanceFinding[] = [];
    const teams = new Map<
      string,
      { entities: number; fullyLabelled: number }
    >();
    for (const entity of costed) {
      const { entityRef: ref, team = '(no team)' } = toCostedEntity(entity);
      const labelled = isKindOf(LABELLED_ENTITY_KINDS, entity.kind);
      if (!labelled && !conflicts.has(ref)) {
        continue;
      }
      const found = [
        ...(labelled ? evaluateGovernance(entity, this.rules) : []),
        ...(conflicts.get(ref) ?? []),
      ];
      if (entity.kind === 'Component') {
        const entry = teams.get(team) ?? { entities: 0, fullyLabelled: 0 };
        entry.entities += 1;
        entry.fullyLabelled += found.length === 0 ? 1 : 0;
        teams.set(team, entry);
      }
      if (!matches(ref, team, filter)) {
        continue;
      }
      items.push(
        ...found.filter(
          f =>
            (!filter.rule || f.ruleId === filter.rule) &&
            (!filter.level || f.level === filter.level),
        ),
      );
    }
    return {
      items,
      byTeam: [...teams.entries()]
        .map(([team, counts]) => ({ team, ...counts }))
        .sort((a, b) => a.team.localeCompare(b.team)),
    };
  }
}

function matches(ref: string, team: string, filter: FindingsFilter) {
  return (
    (!filter.entityRef || ref === entityRefKey(filter.entityRef)) &&
    (!filter.team || team === filter.team)
  );
}
