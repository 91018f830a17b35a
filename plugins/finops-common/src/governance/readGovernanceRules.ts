import { InputError } from '@backstage/errors';
import { RULE_DEFINITIONS } from './ruleDefinitions';
import {
  DEFAULT_GOVERNANCE_RULES,
  GOVERNANCE_LEVELS,
  GOVERNANCE_RULE_IDS,
  GovernanceLevel,
  GovernanceRule,
  GovernanceRuleId,
  SYNTAX_RULE_ID,
  VENDOR_CLAIM_RULE_ID,
} from './types';

const PATH = 'tollgate.governance';
const FIELDS = ['id', 'level', 'kinds', 'types', 'namespaces'];
const FILTERS = ['kinds', 'types', 'namespaces'] as const;

/** Rules that run whatever is configured, at one level: a configuration may only repeat it. */
const ALWAYS_ON_RULES: Partial<
  Record<GovernanceRuleId, { level: GovernanceLevel; checks: string }>
> = {
  [SYNTAX_RULE_ID]: { level: 'enforced', checks: 'every entity' },
  [VENDOR_CLAIM_RULE_ID]: { level: 'advisory', checks: 'the whole catalog' },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(field: string, value: unknown, expected: string): InputError {
  return new InputError(
    `${field} has invalid value ${
      value === undefined ? 'undefined' : JSON.stringify(value)
    }: expected ${expected}`,
  );
}

/**
 * Reads and validates the governance rules from the `tollgate.governance`
 * configuration, given as a plain object (for example
 * `config.getOptional('tollgate.governance')`). Without `rules`, the default rules
 * apply; `rules: []` configures none. The syntax rule runs whatever is configured.
 *
 * @throws InputError naming the rule index, the field and the bad value.
 * @public
 */
export function readGovernanceRules(governance: unknown): GovernanceRule[] {
  if (governance === undefined || governance === null) {
    return DEFAULT_GOVERNANCE_RULES.map(rule => ({ ...rule }));
  }
  if (!isRecord(governance)) {
    throw invalid(PATH, governance, 'a map with a "rules" list');
  }
  const rules = governance.rules;
  if (rules === undefined || rules === null) {
    return DEFAULT_GOVERNANCE_RULES.map(rule => ({ ...rule }));
  }
  if (!Array.isArray(rules)) {
    throw invalid(
      `${PATH}.rules`,
      rules,
      'a list of rules such as { id: cost-center-required, level: advisory, kinds: [Component] }',
    );
  }
  return rules.map((rule, index) => readRule(rule, `${PATH}.rules[${index}]`));
}

function readRule(value: unknown, path: string): GovernanceRule {
  if (!isRecord(value)) {
    throw invalid(path, value, 'a rule with an id and a level');
  }
  for (const key of Object.keys(value)) {
    if (!FIELDS.includes(key)) {
      throw new InputError(
        `${path} has unknown field ${JSON.stringify(
          key,
        )}: expected only ${FIELDS.join(', ')}`,
      );
    }
  }
  const id = value.id;
  if (!GOVERNANCE_RULE_IDS.includes(id as GovernanceRuleId)) {
    throw invalid(`${path}.id`, id, `one of ${GOVERNANCE_RULE_IDS.join(', ')}`);
  }
  const level = value.level;
  if (!GOVERNANCE_LEVELS.includes(level as GovernanceLevel)) {
    throw invalid(
      `${path}.level`,
      level,
      `one of ${GOVERNANCE_LEVELS.join(', ')}`,
    );
  }
  const rule: GovernanceRule = {
    id: id as GovernanceRuleId,
    level: level as GovernanceLevel,
  };
  for (const filter of FILTERS) {
    if (value[filter] !== undefined) {
      rule[filter] = readList(value[filter], `${path}.${filter}`);
    }
  }
  const fixed = ALWAYS_ON_RULES[rule.id];
  if (fixed) {
    if (rule.level !== fixed.level) {
      throw invalid(
        `${path}.level`,
        rule.level,
        `${fixed.level}: ${rule.id} always runs and is always ${fixed.level}`,
      );
    }
    const filter = FILTERS.find(f => rule[f]);
    if (filter) {
      throw invalid(
        `${path}.${filter}`,
        rule[filter],
        `no filter: ${rule.id} checks ${fixed.checks}`,
      );
    }
  }
  const applicable = RULE_DEFINITIONS[rule.id].applicableKinds;
  const foreign = rule.kinds?.find(
    kind =>
      applicable &&
      !applicable.some(
        a => a.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US'),
      ),
  );
  if (applicable && foreign) {
    throw invalid(
      `${path}.kinds`,
      rule.kinds,
      `only ${applicable.join(', ')}: ${rule.id} applies to ${applicable.join(
        ', ',
      )} entities (${JSON.stringify(foreign)} is not one)`,
    );
  }
  return rule;
}

function readList(value: unknown, path: string): string[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every(item => typeof item === 'string' && item.trim() !== '')
  ) {
    throw invalid(
      path,
      value,
      'a non-empty list of names, such as [Component, API]',
    );
  }
  return value.map(item => item.trim());
}
