import { Entity } from '@backstage/catalog-model';
import { GovernanceLevel, GovernanceRuleId } from './types';

/** What a rule check reports about one entity, before it is attributed. */
export interface RuleCheckResult {
  annotation?: string;
  operationId?: string;
  message: string;
  howToFix: string;
  /** Overrides the configured level, for reports that never block. */
  level?: GovernanceLevel;
}

/** A built-in rule: what it checks and on which kinds of entity. */
export interface GovernanceRuleDefinition {
  id: GovernanceRuleId;
  /** Kinds the rule checks when its configuration names none. */
  defaultKinds: readonly string[];
  /** Kinds the rule can check at all; a configuration may not name others. */
  applicableKinds?: readonly string[];
  check(entity: Entity): RuleCheckResult[];
}
