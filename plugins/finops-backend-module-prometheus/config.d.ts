import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  tollgate?: {
    sources?: {
      /**
       * Prometheus sources (or Prometheus-compatible query APIs: Thanos, Mimir,
       * VictoriaMetrics); each entry becomes the cost source `prometheus:<id>`.
       */
      prometheus?: Array<{
        /**
         * Unique among Prometheus sources, stable across restarts: up to 63 letters,
         * digits, ".", "_" or "-", starting and ending with a letter or digit.
         */
        id: string;
        /**
         * Base URL of the Prometheus HTTP API, such as http://prometheus:9090; the
         * source calls POST {baseUrl}/api/v1/query.
         */
        baseUrl: string;
        /**
         * Extra request headers, such as `X-Scope-OrgID` for a multi-tenant Mimir.
         *
         * @visibility secret
         */
        headers?: { [name: string]: string };
        /**
         * Bearer token sent as `Authorization: Bearer <token>`.
         *
         * @visibility secret
         */
        token?: string;
        /**
         * How long one query may take, such as `30s`, `PT30S` or `{ seconds: 30 }`.
         * Defaults to 30 seconds.
         */
        timeout?:
          | string
          | {
              weeks?: number;
              days?: number;
              hours?: number;
              minutes?: number;
              seconds?: number;
              milliseconds?: number;
            };
        /**
         * Label matchers for components without a `tollgate.dev/prometheus-selector`
         * annotation; `{{name}}` and `{{namespace}}` stand for the entity's name and
         * namespace. Defaults to `{job="{{name}}"}`.
         */
        defaultSelector?: string;
        /**
         * Which names of the OpenTelemetry GenAI token usage metric to read:
         * `classic` (`gen_ai_client_token_usage_sum`), `utf8`
         * (`gen_ai.client.token.usage_sum`, Prometheus 3) or `both` (usage found
         * under both names counts once). Defaults to `both`.
         */
        naming?: 'classic' | 'utf8' | 'both';
        /** Metric and label names; a profile gives the defaults, each can be overridden. */
        metrics?: {
          /** `otel` (OpenTelemetry HTTP semantic conventions, the default) or `naftiko`. */
          profile?: 'otel' | 'naftiko';
          /** Counter of handled requests. */
          serverRequests?: string;
          /** Label of serverRequests holding the response status. */
          serverStatusLabel?: string;
          /** Histogram of request durations in seconds, without `_bucket`. */
          serverDuration?: string;
          /** Counter of outbound client calls. */
          clientRequests?: string;
          /** Label of clientRequests holding the called host. */
          clientHostLabel?: string;
          /** Label of clientRequests holding the answered status code. */
          clientStatusLabel?: string;
          /** Label of clientRequests holding the error of a call without answer. */
          clientErrorLabel?: string;
          /** Label of clientRequests holding the HTTP method. */
          clientMethodLabel?: string;
          /** Label of clientRequests holding the route template. */
          clientRouteLabel?: string;
          /** Classic (sanitized) name of the GenAI token usage histogram, without `_sum`. */
          tokenUsage?: string;
          /** UTF-8 name of the GenAI token usage histogram, without `_sum`. */
          tokenUsageUtf8?: string;
        };
        /** When the backend runs this source; defaults to every hour. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** How many days before today each scheduled run fetches again; defaults to 2. */
        lookbackDays?: number;
        /** How many days the first run fetches when the source has no data; defaults to 30. */
        backfillDays?: number;
        /** How many days one fetch covers; defaults to 1. */
        windowDays?: number;
      }>;
    };
  };
}
