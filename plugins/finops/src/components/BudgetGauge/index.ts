export { BudgetGauge } from './BudgetGauge';
