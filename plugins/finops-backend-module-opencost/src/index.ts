/**
 * OpenCost and Kubecost allocation cost source for the Tollgate finops backend.
 *
 * @packageDocumentation
 */
export { finopsModuleOpencost as default } from './module';
export {
  openCostAggregationLabelFor,
  type OpenCostAggregationLabel,
} from './matching/openCostAggregationLabelFor';
export {
  parseLabelSelector,
  sanitizeLabelName,
  type LabelRequirement,
} from './matching/labels';
