export { ReconciliationCard } from './ReconciliationCard';
