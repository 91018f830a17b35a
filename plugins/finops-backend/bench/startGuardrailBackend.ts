import {
  BackendFeature,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
// The benchmark is never built into the plugin; Backstage's service implementations
// and the test backend are dev dependencies.
/* eslint-disable @backstage/no-undeclared-imports */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
/* eslint-enable @backstage/no-undeclared-imports */
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import { finopsCostReadPermission } from '@tollgate/plugin-finops-common';
import { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { finopsPlugin } from '../src/plugin';

/** A running finops backend and the external access tokens it accepts. */
export interface GuardrailBackend {
  baseUrl: string;
  /** Restricted to finops.cost.read on the finops plugin, as the README advises for gateways. */
  gatewayToken: string;
  /** Unrestricted, for setting up and checking the benchmark. */
  adminToken: string;
  stop(): Promise<void>;
}

/**
 * Starts the finops backend plugin as an HTTP server on the given database, with
 * Backstage's own auth, httpAuth, httpRouter and permissions services, static external
 * access tokens, and a catalog holding the given entities. Alert notifications are
 * dropped.
 */
export async function startGuardrailBackend(options: {
  db: Knex;
  entities: Entity[];
  /** Added to the backend, such as a module with cost sources. */
  features?: BackendFeature[];
  /** Merged into the `tollgate` configuration. */
  tollgate?: JsonObject;
  /** The tokens of another backend, so that replicas accept the same ones. */
  tokens?: Pick<GuardrailBackend, 'gatewayToken' | 'adminToken'>;
}): Promise<GuardrailBackend> {
  const gatewayToken =
    options.tokens?.gatewayToken ?? randomBytes(24).toString('base64url');
  const adminToken =
    options.tokens?.adminToken ?? randomBytes(24).toString('base64url');
  const backend = await startTestBackend({
    features: [
      finopsPlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: gatewayToken, subject: 'ai-gateway' },
                  accessRestrictions: [
                    {
                      plugin: 'finops',
                      permission: [finopsCostReadPermission.name],
                    },
                  ],
                },
                {
                  type: 'static',
                  options: { token: adminToken, subject: 'bench-admin' },
                },
              ],
            },
          },
          permission: { enabled: true },
          tollgate: { currency: 'USD', ...options.tollgate },
        },
      }),
      mockServices.database.factory({ knex: options.db }),
      catalogServiceMock.factory({ entities: options.entities }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
      ...(options.features ?? []),
    ],
  });
  return {
    baseUrl: `http://127.0.0.1:${backend.server.port()}`,
    gatewayToken,
    adminToken,
    stop: () => backend.stop(),
  };
}
