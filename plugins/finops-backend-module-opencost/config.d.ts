import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  tollgate?: {
    sources?: {
      /**
       * OpenCost or Kubecost allocation sources; each entry becomes the cost source
       * `opencost:<id>`.
       */
      opencost?: Array<{
        /**
         * Unique among OpenCost sources, stable across restarts: up to 100 letters,
         * digits, ".", "_" or "-".
         */
        id: string;
        /**
         * Base URL of the OpenCost API (such as http://opencost.opencost:9003) or of
         * Kubecost's cost-analyzer (such as http://kubecost-cost-analyzer.kubecost:9090).
         */
        baseUrl: string;
        /**
         * `opencost` reads GET {baseUrl}/allocation; `kubecost` reads
         * GET {baseUrl}/model/allocation. Defaults to `opencost`.
         */
        flavor?: 'opencost' | 'kubecost';
        /**
         * The OpenCost aggregation: `label:<key>`, `annotation:<key>` or a property
         * such as `namespace`. Defaults to `label:backstage.io/kubernetes-id`.
         */
        aggregate?: string;
        /**
         * What to do with the cluster's idle cost (`__idle__`): `ignore` leaves it
         * out, `unallocated` keeps it as unallocated spend, `share` lets OpenCost
         * share it among the workloads. Defaults to `unallocated`.
         */
        idle?: 'ignore' | 'unallocated' | 'share';
        /**
         * Bearer token sent as `Authorization: Bearer <token>`, for an OpenCost or
         * Kubecost behind an authenticating proxy.
         *
         * @visibility secret
         */
        token?: string;
        /**
         * Cluster name recorded as the service and in the `kubernetes.cluster` tag of
         * each record; defaults to the cluster OpenCost reports.
         */
        cluster?: string;
        /**
         * The currency OpenCost reports in (its CURRENCY_CODE); defaults to
         * `tollgate.currency`, else USD.
         */
        currency?: string;
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
        /**
         * For how many days up to today each fetch also asks OpenCost for the
         * labels of every workload (one more request per day, aggregated by
         * `cluster,namespace,controller`), so that the labels route can report
         * label drift. 0 turns it off. Defaults to 7.
         */
        workloadLabelDays?: number;
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
