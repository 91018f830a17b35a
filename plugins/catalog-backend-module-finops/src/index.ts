/**
 * Catalog processors for Tollgate: governance of cost annotations and billing tags,
 * and the import of Naftiko capability specs.
 *
 * @packageDocumentation
 */
export {
  FinopsGovernanceProcessor,
  NaftikoCapabilityProcessor,
  type NaftikoCapabilityProcessorOptions,
} from './processor';
export { catalogModuleFinops as default } from './module';
