export * from './types';
export { GOVERNANCE_RULE_DESCRIPTIONS } from './ruleDefinitions';
export * from './readGovernanceRules';
export * from './evaluateGovernance';
