import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  tollgate?: {
    /** Reporting currency (ISO 4217). Defaults to USD. */
    currency?: string;
    ingestion?: {
      /** Attempts per window, the first included. Defaults to 3. */
      attempts?: number;
      /** Delay before the second attempt; each later one doubles it. Defaults to 2. */
      retryDelaySeconds?: number;
      /** Time one fetch of `windowDays` days may take. Defaults to 300. */
      windowTimeoutSeconds?: number;
      /** A source without success for longer is stale. Defaults to 26. */
      staleAfterHours?: number;
      /** Time a manual run through the API may take before it is given up. Defaults to 60. */
      manualRunTimeoutSeconds?: number;
    };
    metering?: {
      /**
       * Which figure counts where sources have spend of the same entity, provider and
       * day, highest first: each of invoice (FOCUS exports), vendor-api (vendors' usage
       * and cost APIs), telemetry (Prometheus, OpenCost) and metered (POST /v1/usage and
       * committed reservations) once. Defaults to invoice, vendor-api, telemetry,
       * metered. The records of every source are kept for reconciliation.
       */
      precedence?: Array<'invoice' | 'vendor-api' | 'telemetry' | 'metered'>;
    };
    reconciliation?: {
      /**
       * Drift in percent between a provider's figures of a model on a day (metered,
       * vendor usage, vendor cost) and its invoice (else the highest authority present)
       * past which an alert is raised after ingestion. Defaults to 5.
       */
      driftAlertPercent?: number;
    };
    budgets?: {
      /** Utilization after an estimate from which the guardrail warns. Defaults to 80. */
      guardrailWarnAtPercent?: number;
      /**
       * Alerts are also posted here as JSON with a Slack-compatible `text`. The URL is
       * the credential of an incoming webhook.
       * @visibility secret
       */
      webhookUrl?: string;
      /** A day's rise smaller than this amount is never an anomaly. Defaults to "1.00". */
      anomalyMinIncrease?: string | number;
      /** How many of the latest days are judged for anomalies. Defaults to 3. */
      anomalyDays?: number;
      /** Minutes between budget snapshot refreshes besides those after ingestion. Defaults to 5. */
      refreshMinutes?: number;
      /**
       * The schedule of the budget snapshot refreshes besides those after ingestion, in
       * place of `refreshMinutes`: `frequency` and `timeout` as durations such as
       * `{ minutes: 5 }`, `PT5M` or a cron. Each replica refreshes its own snapshot, so
       * `scope` defaults to `local`. Defaults to every `refreshMinutes` with a timeout
       * of 10 minutes.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Age of the budget snapshot past which the guardrail says its answer is stale and
       * denies under a hard budget, whose status it no longer knows. Defaults to 15.
       */
      maxSnapshotAgeMinutes?: number;
    };
    /**
     * Scorecards scored after each ingestion on the entities their filter matches.
     * Invalid definitions fail startup with a message naming the check and field.
     */
    scorecards?: Array<{
      /** Lower-case letters, digits and dashes. */
      id: string;
      title?: string;
      /** Filters left out match every entity. */
      filter?: {
        kinds?: string[];
        types?: string[];
        tags?: string[];
        /** Entity refs or group names. */
        owners?: string[];
      };
      checks: Array<{
        id: string;
        pillar: 'cost' | 'risk' | 'velocity';
        /** A built-in metric such as error-rate, or one a module adds. */
        metric: string;
        /** For numeric metrics, with thresholds. */
        direction?: 'higher-better' | 'lower-better';
        /** pass, warn and fail in order of the direction. */
        thresholds?: { pass: number; warn: number; fail: number };
        /** For yes/no metrics: the value that passes. */
        expect?: boolean;
        /** Weight in the pillar's mean. Defaults to 1. */
        weight?: number;
        description: string;
        howToFix: string;
      }>;
    }>;
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
