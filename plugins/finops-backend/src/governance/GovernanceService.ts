import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  COSTED_ENTITY_KINDS,
  GovernanceFinding,
  GovernanceRule,
  evaluateGovernance,
  findVendorClaimConflicts,
  isKindOf,
  readEntityCostLabels,
} from '@tollgate/plugin-finops-common';

/** The kinds whose labelling is reported, one entity at a time. */
const LABELLED_KINDS = ['Component', 'API', 'System', 'Resource'];

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
  ): Promise<{
    items: GovernanceFinding[];
    byTeam: Array<{ team: string; entities: number; fullyLabelled: number }>;
  }> {
    const { items: costed } = await this.catalog.getEntities(
      { filter: { kind: [...COSTED_ENTITY_KINDS] } },
      { credentials },
    );
    const conflicts = new Map<string, GovernanceFinding[]>();
    for (const finding of findVendorClaimConflicts(costed)) {
      const ref = finding.entityRef.toLocaleLowerCase('en-US');
      conflicts.set(ref, [...(conflicts.get(ref) ?? []), finding]);
    }
    const entities = costed.filter(
      entity =>
        isKindOf(LABELLED_KINDS, entity.kind) ||
        conflicts.has(stringifyEntityRef(entity).toLocaleLowerCase('en-US')),
    );
    const items: GovernanceFinding[] = [];
    const teams = new Map<
      string,
      { entities: number; fullyLabelled: number }
    >();
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity);
      const team = readEntityCostLabels(entity).team ?? '(no team)';
      const found = [
        ...(isKindOf(LABELLED_KINDS, entity.kind)
          ? evaluateGovernance(entity, this.rules)
          : []),
        ...(conflicts.get(ref.toLocaleLowerCase('en-US')) ?? []),
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
    (!filter.entityRef ||
      ref === filter.entityRef.toLocaleLowerCase('en-US')) &&
    (!filter.team || team === filter.team)
  );
}
