/**
 * Extension points and contracts of the Tollgate finops backend.
 *
 * @packageDocumentation
 */
export * from './CostSource';
export * from './PriceBook';
export * from './extensions';
export * from './readCostSourceSchedule';
export * from './ScorecardMetric';
export * from './workloadLabels';
