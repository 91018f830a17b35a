import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { RULE_DEFINITIONS } from './ruleDefinitions';
import { GovernanceFinding, GovernanceRule, SYNTAX_RULE_ID } from './types';

const SYNTAX_RULE: GovernanceRule = { id: SYNTAX_RULE_ID, level: 'enforced' };

function same(a: string, b: string): boolean {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

function matches(list: readonly string[] | undefined, value: unknown): boolean {
  return (
    !list || (typeof value === 'string' && list.some(item => same(item, value)))
  );
}

/** Whether a configured rule applies to an entity. @public */
export function governanceRuleApplies(
  rule: GovernanceRule,
  entity: Entity,
): boolean {
  if (rule.id === SYNTAX_RULE_ID) {
    return true;
  }
  const definition = RULE_DEFINITIONS[rule.id];
  return (
    matches(rule.kinds ?? definition.defaultKinds, entity.kind) &&
    matches(
      rule.types,
      (entity.spec as { type?: unknown } | undefined)?.type,
    ) &&
    matches(rule.namespaces, entity.metadata?.namespace ?? 'default')
  );
}

/**
 * Evaluates the governance rules over one entity. The syntax rule
 * (`valid-label-values`) always runs, enforced. When several configured rules report
 * the same problem, it is reported once, at the strongest level.
 *
 * @public
 */
export function evaluateGovernance(
  entity: Entity,
  rules: readonly GovernanceRule[],
): GovernanceFinding[] {
  const entityRef = refOf(entity);
  const findings = new Map<string, GovernanceFinding>();
  for (const rule of [SYNTAX_RULE, ...rules]) {
    if (!governanceRuleApplies(rule, entity)) {
      continue;
    }
    for (const result of RULE_DEFINITIONS[rule.id].check(entity)) {
      const finding: GovernanceFinding = {
        ruleId: rule.id,
        level: result.level ?? rule.level,
        entityRef,
        ...(result.annotation ? { annotation: result.annotation } : {}),
        ...(result.operationId ? { operationId: result.operationId } : {}),
        message: result.message,
        howToFix: result.howToFix,
      };
      const key = JSON.stringify([
        finding.ruleId,
        finding.annotation,
        finding.operationId,
        finding.message,
      ]);
      const previous = findings.get(key);
      if (
        !previous ||
        (previous.level === 'advisory' && finding.level === 'enforced')
      ) {
        findings.set(key, finding);
      }
    }
  }
  return [...findings.values()];
}

function refOf(entity: Entity): string {
  try {
    return stringifyEntityRef(entity);
  } catch {
    return `${entity.kind}:${entity.metadata?.namespace ?? 'default'}/${
      entity.metadata?.name
    }`;
  }
}
