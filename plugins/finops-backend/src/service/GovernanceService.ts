import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GovernanceFinding,
  GovernanceRule,
  evaluateGovernance,
  readEntityCostLabels,
} from '@tollgate/plugin-finops-common';

export interface FindingsFilter {
  entityRef?: string;
  team?: string;
  rule?: string;
  level?: string;
}

/** Evaluates every governance rule, advisory and enforced, over the catalog. */
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
    const { items: entities } = await this.catalog.getEntities(
      { filter: { kind: ['Component', 'API', 'System', 'Resource'] } },
      { credentials },
    );
    const items: GovernanceFinding[] = [];
    const teams = new Map<
      string,
      { entities: number; fullyLabelled: number }
    >();
    for (const entity of entities) {
      const ref = stringifyEntityRef(entity);
      const team = readEntityCostLabels(entity).team ?? '(no team)';
      const found = evaluateGovernance(entity, this.rules);
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
