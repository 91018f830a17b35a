export { BudgetEditor } from './BudgetEditor';
