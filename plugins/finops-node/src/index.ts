/**
 * Extension points and contracts of the Tollgate finops backend, and what vendor cost
 * source modules share: an HTTP client for JSON APIs with retries, and their
 * configuration reader.
 *
 * @packageDocumentation
 */
export * from './CostSource';
export * from './PriceBook';
export * from './extensions';
export * from './readCostSourceSchedule';
export * from './ScorecardMetric';
export * from './workloadLabels';
export * from './http';
export * from './config/readVendorSourceConfigs';
export * from './vendorTags';
