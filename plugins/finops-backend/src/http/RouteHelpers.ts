import { AuditorService } from '@backstage/backend-plugin-api';
import { TypedRouter } from '@backstage/backend-openapi-utils';
import { Entity } from '@backstage/catalog-model';
import { Request } from 'express';
import { EndpointMap } from '../schema/openapi';
import { Authorize } from './createAuthorizer';

/** The router of the finops API, its handlers typed by the spec's endpoint map. */
export type FinopsRouter = TypedRouter<EndpointMap>;

/** Any request of the API, whatever its spec types. */
export type ApiRequest = Request<any, any, any, any>;

/** The path parameters of a route under /v1/entities/{kind}/{namespace}/{name}. */
export type EntityPathParams = {
  kind: string;
  namespace: string;
  name: string;
};

/** What every domain's routes use: authorization, the catalog and the audit log. */
export interface RouteHelpers {
  authorize: Authorize;
  /** The entity the route's path names, as the caller may see it; 404 if none. */
  loadEntity(req: Request<EntityPathParams, any, any, any>): Promise<Entity>;
  /** The entity of a ref, as the caller may see it, if it is in the catalog. */
  findEntity(req: ApiRequest, ref: string): Promise<Entity | undefined>;
  /** Records who changed budgets, acknowledged alerts and ran sources. */
  auditor: AuditorService;
}
