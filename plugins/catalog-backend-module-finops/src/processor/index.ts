export * from './FinopsGovernanceProcessor';
export * from './NaftikoCapabilityProcessor';
