import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AlertListResponse,
  Budget,
  BudgetListResponse,
  CostGroupBy,
  DayWindow,
  EntityBudgetResponse,
  EntityCostResponse,
  EntityMeteringResponse,
  EntityScorecardResponse,
  EntityUnitCostResponse,
  FinopsAlert,
  KubernetesLabelsResponse,
  MeteringSummaryResponse,
  ReconciliationResponse,
  ScorecardLeaderboardResponse,
  SourceStatus,
  SummaryGroupBy,
  SummaryResponse,
  UnallocatedSpendResponse,
  UpstreamPressureResponse,
} from '@tollgate/plugin-finops-common';
import {
  BudgetRequest,
  FinopsApi,
  GovernanceReport,
  ScorecardGroupBy,
} from './FinopsApi';

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

  async getEntityUnitCost(
    entity: CompoundEntityRef,
    options: DayWindow,
  ): Promise<EntityUnitCostResponse> {
    return this.getJson(entityPath(entity, 'unit-cost'), options);
  }

  async getEntityUpstream(
    entity: CompoundEntityRef,
    options: DayWindow,
  ): Promise<UpstreamPressureResponse> {
    return this.getJson(entityPath(entity, 'upstream'), options);
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

  async getEntityBudget(
    entity: CompoundEntityRef,
  ): Promise<EntityBudgetResponse> {
    return this.getJson(entityPath(entity, 'budget'), {});
  }

  async getBudgets(): Promise<BudgetListResponse> {
    return this.getJson('v1/budgets', {});
  }

  async createBudget(request: BudgetRequest): Promise<Budget> {
    return this.sendJson('POST', 'v1/budgets', request);
  }

  async replaceBudget(id: string, request: BudgetRequest): Promise<Budget> {
    return this.sendJson(
      'PUT',
      `v1/budgets/${encodeURIComponent(id)}`,
      request,
    );
  }

  async deleteBudget(id: string): Promise<void> {
    await this.request(
      `v1/budgets/${encodeURIComponent(id)}`,
      {},
      {
        method: 'DELETE',
      },
    );
  }

  async getAlerts(filter: {
    entityRef?: string;
    status?: 'open' | 'all';
  }): Promise<AlertListResponse> {
    const query = Object.fromEntries(
      Object.entries(filter).filter(([, v]) => v !== undefined),
    );
    return this.getJson('v1/alerts', query);
  }

  async acknowledgeAlert(id: string): Promise<FinopsAlert> {
    return this.sendJson(
      'POST',
      `v1/alerts/${encodeURIComponent(id)}/acknowledge`,
    );
  }

  async getScorecard(
    entity: CompoundEntityRef,
  ): Promise<EntityScorecardResponse> {
    return this.getJson(entityPath(entity, 'scorecard'), {});
  }

  async getScorecardLeaderboard(
    groupBy: ScorecardGroupBy,
  ): Promise<ScorecardLeaderboardResponse> {
    return this.getJson('v1/scorecards', { groupBy });
  }

  async getEntityMetering(
    entity: CompoundEntityRef,
  ): Promise<EntityMeteringResponse> {
    return this.getJson(entityPath(entity, 'metering'), {});
  }

  async getMeteringSummary(
    options: DayWindow,
  ): Promise<MeteringSummaryResponse> {
    return this.getJson('v1/metering/summary', {
      from: options.from,
      to: options.to,
    });
  }

  async getUnallocatedSpend(
    options: DayWindow,
  ): Promise<UnallocatedSpendResponse> {
    return this.getJson('v1/unallocated', {
      from: options.from,
      to: options.to,
    });
  }

  async getReconciliation(
    options: DayWindow & { provider?: string },
  ): Promise<ReconciliationResponse> {
    return this.getJson('v1/reconciliation', {
      from: options.from,
      to: options.to,
      ...(options.provider ? { provider: options.provider } : {}),
    });
  }

  private async getJson<T>(path: string, query: object): Promise<T> {
    const response = await this.request(path, query);
    return (await response.json()) as T;
  }

  private async sendJson<T>(
    method: 'POST' | 'PUT',
    path: string,
    body?: object,
  ): Promise<T> {
    const response = await this.request(
      path,
      {},
      body
        ? {
            method,
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }
        : { method },
    );
    return (await response.json()) as T;
  }

  private async request(path: string, query: object, init?: RequestInit) {
    const baseUrl = await this.discoveryApi.getBaseUrl('finops');
    const search = new URLSearchParams(
      query as Record<string, string>,
    ).toString();
    const url = `${baseUrl}/${path}${search ? `?${search}` : ''}`;
    const response = await this.fetchApi.fetch(url, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
