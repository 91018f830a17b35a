import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  AuditorEvent,
  DefaultAuditorService,
} from '@backstage/backend-defaults/auditor';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import {
  CatalogService,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CostSource } from '@tollgate/plugin-finops-node';
import request from 'supertest';
import { finopsPlugin } from '../plugin';
import { costSourcesModule } from './costSourcesModule';

/** The header of a signed-in user, whom the mock permissions allow everything. */
export const userAuth = { Authorization: mockCredentials.user.header() };

/**
 * A catalog of the entities in `entities` at the time of each call, so that a test can
 * add an entity after the backend has started.
 */
function liveCatalog(entities: Entity[]): CatalogService {
  const methods = InMemoryCatalogClient.prototype as Record<
    string | symbol,
    any
  >;
  return new Proxy({} as CatalogService, {
    get: (_, name) =>
      typeof methods[name] === 'function'
        ? (...args: unknown[]) =>
            methods[name].apply(new InMemoryCatalogClient({ entities }), args)
        : undefined,
  });
}

/**
 * Starts the finops plugin in a test backend with the given cost sources, catalog and
 * configuration. Entities pushed to `entities` later are in the catalog from then on. Requests without credentials are refused as in production; with
 * `allow: false` every permission is denied. Notifications sent and audit events (as
 * Backstage's auditor makes them, with the actor it reads from the request) are collected.
 */
export async function startFinopsTestBackend(options: {
  sources?: CostSource[];
  entities?: Entity[];
  config?: JsonObject;
  allow?: boolean;
  features?: BackendFeature[];
}) {
  const notifications: NotificationSendOptions[] = [];
  const audits: AuditorEvent[] = [];
  const backend = await startTestBackend({
    features: [
      finopsPlugin,
      costSourcesModule('test-sources', options.sources ?? []),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (notification: NotificationSendOptions) => {
            notifications.push(notification);
          },
        }),
      }),
      createServiceFactory({
        service: coreServices.auditor,
        deps: {
          auth: coreServices.auth,
          httpAuth: coreServices.httpAuth,
          plugin: coreServices.pluginMetadata,
        },
        factory: deps =>
          DefaultAuditorService.create(event => {
            audits.push(event);
          }, deps),
      }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => liveCatalog(options.entities ?? []),
      }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      ...(options.allow === false
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
      ...(options.features ?? []),
    ],
  });
  const { server } = backend;
  return {
    server,
    notifications,
    audits,
    stop: () => backend.stop(),
    /** Runs a source through the API for the days given and expects it to succeed. */
    run: async (sourceId: string, from: string, to: string = from) => {
      await request(server)
        .post(`/api/finops/v1/sources/${sourceId}/run?from=${from}&to=${to}`)
        .set(userAuth)
        .expect(200);
    },
  };
}
