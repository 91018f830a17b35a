export { UnitCostCard, UnitCostChart } from './UnitCostCard';
