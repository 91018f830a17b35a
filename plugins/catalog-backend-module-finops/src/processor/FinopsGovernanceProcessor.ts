import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  GovernanceRule,
  evaluateGovernance,
  readGovernanceRules,
} from '@tollgate/plugin-finops-common';

/**
 * Applies the enforced Tollgate governance rules, and the syntax check of every
 * Tollgate annotation and billing tag, to each entity the catalog processes. Each
 * problem becomes a processing error on the entity, which fails its processing.
 * Advisory findings are left to the finops backend's findings.
 *
 * @public
 */
export class FinopsGovernanceProcessor implements CatalogProcessor {
  /** Reads the rules from `tollgate.governance`; throws on a bad configuration. */
  static fromConfig(config: Config): FinopsGovernanceProcessor {
    return new FinopsGovernanceProcessor(
      readGovernanceRules(config.getOptional('tollgate.governance')),
    );
  }

  constructor(private readonly rules: readonly GovernanceRule[]) {}

  getProcessorName(): string {
    return 'FinopsGovernanceProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    for (const finding of evaluateGovernance(entity, this.rules)) {
      if (finding.level === 'enforced') {
        emit(
          processingResult.inputError(
            location,
            `${finding.message} [rule ${finding.ruleId}] ${finding.howToFix}`,
          ),
        );
      }
    }
    return entity;
  }
}
