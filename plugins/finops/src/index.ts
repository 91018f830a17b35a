/**
 * The Tollgate FinOps frontend plugin: the Cost tab of entity pages and the
 * organization's FinOps page.
 *
 * @packageDocumentation
 */
export { finopsPlugin, FinopsPage, EntityCostContent } from './plugin';
export { finopsApiRef, FinopsClient } from './api';
export type { FinopsApi } from './api';
export { isFinopsAvailable } from './isFinopsAvailable';
export { rootRouteRef } from './routes';
