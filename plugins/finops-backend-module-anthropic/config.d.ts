import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  tollgate?: {
    sources?: {
      /**
       * Anthropic organizations read through the Admin API's usage and cost reports;
       * each entry becomes the cost source `anthropic:<id>`.
       */
      anthropic?: Array<{
        /**
         * Unique among Anthropic sources, stable across restarts: up to 100 letters,
         * digits, ".", "_" or "-".
         */
        id: string;
        /**
         * Base URL of the Anthropic API; defaults to https://api.anthropic.com. A
         * replay or proxy can stand in.
         */
        baseUrl?: string;
        /**
         * An Admin API key (`sk-ant-admin...`), sent as `x-api-key` with
         * `anthropic-version: 2023-06-01`.
         *
         * @visibility secret
         */
        adminKey: string;
        /**
         * How long one request may take, such as `{ seconds: 30 }` or `PT30S`.
         * Defaults to 60 seconds.
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
