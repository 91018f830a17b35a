export * from './types';
export { GOVERNANCE_RULE_DESCRIPTIONS } from './ruleDefinitions';
export * from './readGovernanceRules';
export * from './evaluateGovernance';
export {
  findVendorClaimConflicts,
  vendorIdClaimants,
} from './vendorClaimConflicts';
export type { VendorIdClaimants } from './vendorClaimConflicts';
