import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  tollgate?: {
    sources?: {
      /**
       * OpenAI organizations read through the Usage and Costs APIs; each entry becomes
       * the cost source `openai:<id>`.
       */
      openai?: Array<{
        /**
         * Unique among OpenAI sources, stable across restarts: up to 100 letters,
         * digits, ".", "_" or "-".
         */
        id: string;
        /**
         * Base URL of the OpenAI API; defaults to https://api.openai.com. A replay or
         * proxy can stand in.
         */
        baseUrl?: string;
        /**
         * An organization admin key (`sk-admin-...`), sent as
         * `Authorization: Bearer <key>`.
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
