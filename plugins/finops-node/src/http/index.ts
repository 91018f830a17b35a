export * from './JsonHttpClient';
export * from './parseJsonKeepingNumberText';
export * from './retryAfter';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './RetryPolicy';
export * from './VendorRequestError';
