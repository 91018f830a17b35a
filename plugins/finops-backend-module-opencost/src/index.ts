/**
 * OpenCost and Kubecost allocation cost source for the Tollgate finops backend.
 *
 * @packageDocumentation
 */
export { finopsModuleOpencost as default } from './module';
export { OpenCostCostSource } from './OpenCostCostSource';
export { OpenCostRequestError } from './client/OpenCostRequestError';
export {
  ALLOCATION_NUMBER_FIELDS,
  type AllocationNumberField,
  type OpenCostAllocation,
} from './client/OpenCostAllocation';
export * from './config/OpenCostSourceConfig';
export { readOpenCostSourceConfigs } from './config/readOpenCostSourceConfigs';
export {
  openCostAggregationLabelFor,
  type OpenCostAggregationLabel,
} from './matching/openCostAggregationLabelFor';
export {
  parseLabelSelector,
  sanitizeLabelName,
  type LabelRequirement,
} from './matching/labels';
export type { OpenCostResource } from './records/allocationToRecords';
