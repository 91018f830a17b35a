export * from './JsonHttpClient';
export * from './parseJsonKeepingNumberText';
export * from './retryAfter';
export * from './RetryPolicy';
export * from './VendorRequestError';
