export interface Config {
  tollgate?: {
    /** Reporting currency (ISO 4217). Defaults to USD. */
    currency?: string;
    ingestion?: {
      /** Attempts per window, the first included. Defaults to 3. */
      attempts?: number;
      /** Delay before the second attempt; each later one doubles it. Defaults to 2. */
      retryDelaySeconds?: number;
      /** Time one window's fetch may take. Defaults to 300. */
      windowTimeoutSeconds?: number;
      /** A source without success for longer is stale. Defaults to 26. */
      staleAfterHours?: number;
    };
    pricing?: {
      /** Overrides and additions to the bundled model price book. */
      models?: Array<{
        provider: string;
        model: string;
        inputPerMillion?: number | string;
        outputPerMillion?: number | string;
        cacheReadPerMillion?: number | string;
        cacheWritePerMillion?: number | string;
        perRequest?: number | string;
        currency?: string;
        /** YYYY-MM-DD: the price applies from this UTC day on. */
        effectiveFrom?: string;
      }>;
      /** Per-call prices of API operations. */
      operations?: Array<{
        /** The API entity's ref, e.g. api:default/stripe-api. */
        apiRef: string;
        /** The OpenAPI operationId, or METHOD /path. */
        operation: string;
        /** e.g. "0.004 USD/call". */
        price: string;
        effectiveFrom?: string;
      }>;
    };
  };
}
