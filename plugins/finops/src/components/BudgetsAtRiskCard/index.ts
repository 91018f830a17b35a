export { BudgetsAtRiskCard } from './BudgetsAtRiskCard';
