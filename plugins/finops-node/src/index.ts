/**
 * Extension points and contracts of the Tollgate finops backend, and what vendor cost
 * source modules share: an HTTP client for JSON APIs with retries, their
 * configuration reader, window checks and readers of daily bucket reports.
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
export * from './config/readSourceId';
export * from './config/readSourceTimeoutMs';
export * from './config/SourceIdSet';
export * from './source/checkFetchWindow';
export * from './source/describeMoney';
export * from './dailyReports';
export * from './vendorTags';
