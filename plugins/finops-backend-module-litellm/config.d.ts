import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  tollgate?: {
    sources?: {
      /**
       * LiteLLM proxies whose spend logs are read; each entry becomes the cost source
       * `litellm:<id>`.
       */
      litellm?: Array<{
        /**
         * Unique among LiteLLM sources, stable across restarts: up to 100 letters,
         * digits, ".", "_" or "-".
         */
        id: string;
        /** Base URL of the LiteLLM proxy, such as http://litellm:4000. */
        baseUrl: string;
        /**
         * The proxy's master key or an admin key (one that may read every team's
         * spend logs), sent as `Authorization: Bearer <key>`.
         *
         * @visibility secret
         */
        apiKey: string;
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
