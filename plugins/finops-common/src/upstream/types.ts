/**
 * The calls one consumer made to an API in a period, from its `upstream.requests`
 * usage metrics. @public
 */
export interface UpstreamConsumerCalls {
  /** The consuming entity's ref. */
  entityRef: string;
  calls: number;
  /** Calls answered 429 or 503. */
  throttled: number;
  /** Calls that timed out. */
  timeouts: number;
  /** Other failed calls: any other 4xx or 5xx answer, or a failure without one. */
  errors: number;
  /** `throttled / calls`; null without calls. */
  throttledShare: number | null;
}

/**
 * The answer of the entity upstream route: the calls the API's consumers made to it,
 * busiest consumer first. @public
 */
export interface UpstreamPressureResponse {
  entityRef: string;
  from: string;
  to: string;
  /** Each consumer of the API (catalog relation `apiConsumedBy`), with or without calls. */
  consumers: UpstreamConsumerCalls[];
  /** The sums over the consumers; `entityRef` is the API's. */
  total: UpstreamConsumerCalls;
}
