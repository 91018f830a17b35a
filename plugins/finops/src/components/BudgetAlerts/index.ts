export { BudgetAlerts } from './BudgetAlerts';
