import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  tollgate?: {
    sources?: {
      /**
       * FOCUS billing exports (CSV) read as cost sources. Each entry becomes the
       * source `focus:<id>`.
       */
      focus?: Array<{
        /** Unique among FOCUS sources; the source id is `focus:<id>`. */
        id: string;
        /**
         * Files to read, relative to the backend's working directory. The last path
         * segment may hold the wildcards `*` and `?`.
         */
        paths?: string[];
        /**
         * HTTP(S) URLs that answer a FOCUS CSV export, read through Backstage's URL
         * reader: list plain hosts under `backend.reading.allow`, or configure the
         * `integrations` of S3 (awsS3), GCS (googleGcs) or Azure Blob Storage
         * (azureBlobStorage) for their credentials. Signed URLs carry their own.
         * @visibility secret
         */
        urls?: string[];
        /** Tags key whose value is an entity ref such as `component:default/summarizer`. */
        entityTagKey?: string;
        /** Tags key whose value is a cost center, used when no entity is known. */
        costCenterTagKey?: string;
        /** Tags key whose value is a team, used when no entity is known. */
        teamTagKey?: string;
        /**
         * What an invalid row does: `reject` (default) fails the whole fetch, `skip`
         * leaves the row out and logs a warning.
         */
        invalidRows?: 'reject' | 'skip';
        /** Only rows billed in this ISO 4217 currency are read. */
        currency?: string;
        /**
         * Whether an export without rows for days that have stored spend replaces that
         * spend with nothing. Defaults to false: such a run fails and the spend is kept.
         */
        allowEmptyWindows?: boolean;
        /** How often the source runs, and how long one run may take. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** How many days before today each scheduled run fetches again. */
        lookbackDays?: number;
        /** How many days the first run fetches when the source has no data. */
        backfillDays?: number;
        /** How many days one fetch covers. */
        windowDays?: number;
      }>;
    };
  };
}
