export { GovernancePanel } from './GovernancePanel';
