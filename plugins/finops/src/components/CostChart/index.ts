export { CostChart, seriesKeys } from './CostChart';
