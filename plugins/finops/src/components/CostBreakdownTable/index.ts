export { CostBreakdownTable } from './CostBreakdownTable';
