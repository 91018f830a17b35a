/**
 * The Tollgate FinOps frontend plugin for Backstage's new frontend system: the FinOps
 * page, the Cost entity content, the budget and scorecard entity cards and the FinOps
 * API, as one feature to install.
 *
 * @packageDocumentation
 */
export { default } from './alpha/plugin';
