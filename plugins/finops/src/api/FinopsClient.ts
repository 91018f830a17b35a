import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  CostGroupBy,
  DayWindow,
  EntityCostResponse,
  KubernetesLabelsResponse,
  SourceStatus,
  SummaryGroupBy,
  SummaryResponse,
} from '@tollgate/plugin-finops-common';
import { FinopsApi, GovernanceReport } from './FinopsApi';

function entityPath(entity: CompoundEntityRef, leaf: string) {
  return ['v1', 'entities', entity.kind, entity.namespace, entity.name, leaf]
    .map(encodeURIComponent)
    .join('/');
}

/**
 * The HTTP client of the finops backend.
 *
 * @public
 */
export class FinopsClient implements FinopsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityCost(
    entity: CompoundEntityRef,
    options: DayWindow & { groupBy: CostGroupBy },
  ): Promise<EntityCostResponse> {
    return this.getJson(entityPath(entity, 'cost'), options);
  }

  async getLabels(
    entity: CompoundEntityRef,
  ): Promise<KubernetesLabelsResponse> {
    return this.getJson(entityPath(entity, 'labels'), {});
  }

  async getGovernanceFindings(filter: {
    entityRef?: string;
    team?: string;
    rule?: string;
    level?: string;
  }): Promise<GovernanceReport> {
    const query = Object.fromEntries(
      Object.entries(filter).filter(([, v]) => v !== undefined),
    );
    return this.getJson('v1/governance/findings', query);
  }

  async getSummary(
    options: DayWindow & { groupBy: SummaryGroupBy },
  ): Promise<SummaryResponse> {
    return this.getJson('v1/summary', options);
  }

  async getSources(): Promise<SourceStatus[]> {
    const { items } = await this.getJson<{ items: SourceStatus[] }>(
      'v1/sources',
      {},
    );
    return items;
  }

  async exportFocus(options: DayWindow): Promise<Blob> {
    const response = await this.request('v1/export/focus', options);
    return response.blob();
  }

  private async getJson<T>(path: string, query: object): Promise<T> {
    const response = await this.request(path, query);
    return (await response.json()) as T;
  }

  private async request(path: string, query: object) {
    const baseUrl = await this.discoveryApi.getBaseUrl('finops');
    const search = new URLSearchParams(
      query as Record<string, string>,
    ).toString();
    const response = await this.fetchApi.fetch(
      `${baseUrl}/${path}${search ? `?${search}` : ''}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
