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
    budgets?: {
      /** Utilization after an estimate from which the guardrail warns. Defaults to 80. */
      guardrailWarnAtPercent?: number;
      /** Alerts are also posted here as JSON with a Slack-compatible `text`. */
      webhookUrl?: string;
      /** A day's rise smaller than this amount is never an anomaly. Defaults to "1.00". */
      anomalyMinIncrease?: string | number;
      /** How many of the latest days are judged for anomalies. Defaults to 3. */
      anomalyDays?: number;
      /** Minutes between budget snapshot refreshes besides those after ingestion. Defaults to 5. */
      refreshMinutes?: number;
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
