import { OpenCostSourceConfig } from '../config/OpenCostSourceConfig';
import { OpenCostAllocation } from './OpenCostAllocation';
import { OpenCostRequestError } from './OpenCostRequestError';
import { parseAllocationResponse } from './parseAllocationResponse';

const BODY_EXCERPT = 300;

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function withoutCredentials(url: URL): string {
  const copy = new URL(url);
  copy.username = '';
  copy.password = '';
  return copy.toString();
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_EXCERPT ? `${flat.slice(0, BODY_EXCERPT)}…` : flat;
}

function causeMessage(error: unknown): string {
  const messageOf = (value: unknown): string | undefined =>
    typeof value === 'object' && value !== null && 'message' in value
      ? String((value as { message: unknown }).message)
      : undefined;
  const message = messageOf(error) ?? String(error);
  const cause = messageOf((error as { cause?: unknown } | undefined)?.cause);
  return cause && cause !== message ? `${message} (${cause})` : message;
}

/** How the allocations of a request are aggregated, and what happens to idle cost. */
export type AllocationView = Pick<OpenCostSourceConfig, 'aggregate' | 'idle'>;

/**
 * Reads allocations from OpenCost (`GET /allocation`) or Kubecost
 * (`GET /model/allocation`), one UTC day per request, aggregated and accumulated by
 * the server.
 */
export class OpenCostClient {
  constructor(
    private readonly config: Pick<
      OpenCostSourceConfig,
      'baseUrl' | 'flavor' | 'aggregate' | 'idle' | 'token' | 'timeoutMs'
    >,
  ) {}

  /**
   * The request URL for one UTC day, aggregated as configured or as the given view
   * asks (such as per workload, without idle).
   */
  allocationUrl(day: string, view: AllocationView = this.config): URL {
    const { baseUrl, flavor } = this.config;
    const { aggregate, idle } = view;
    const path = flavor === 'kubecost' ? '/model/allocation' : '/allocation';
    const url = new URL(`${baseUrl}${path}`);
    const params = url.searchParams;
    params.set('window', `${day}T00:00:00Z,${nextDay(day)}T00:00:00Z`);
    params.set('aggregate', aggregate);
    params.set('accumulate', 'true');
    params.set(
      flavor === 'kubecost' ? 'idle' : 'includeIdle',
      String(idle !== 'ignore'),
    );
    params.set('shareIdle', String(idle === 'share'));
    params.set('includeAggregatedMetadata', 'true');
    return url;
  }

  /** The allocation sets OpenCost answers for one UTC day. */
  async fetchDay(
    day: string,
    signal: AbortSignal,
    view?: AllocationView,
  ): Promise<OpenCostAllocation[][]> {
    const url = this.allocationUrl(day, view);
    const shown = withoutCredentials(url);
    const request = `GET ${shown}`;
    const timeout = AbortSignal.timeout(this.config.timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);

    let status: number | undefined;
    let text: string;
    try {
      const response = await fetch(url, {
        headers: {
          accept: 'application/json',
          ...(this.config.token
            ? { authorization: `Bearer ${this.config.token}` }
            : {}),
        },
        signal: combined,
      });
      status = response.status;
      text = await response.text();
      if (response.status !== 200) {
        throw new OpenCostRequestError(
          `OpenCost request ${request} failed with HTTP ${response.status} ${
            response.statusText
          }: ${excerpt(text) || 'empty body'}`,
          { url: shown, status },
        );
      }
    } catch (error) {
      if (error instanceof OpenCostRequestError) {
        throw error;
      }
      if (timeout.aborted && !signal.aborted) {
        throw new OpenCostRequestError(
          `OpenCost request ${request} timed out after ${this.config.timeoutMs} ms`,
          { url: shown, status },
        );
      }
      if (signal.aborted) {
        throw new OpenCostRequestError(
          `OpenCost request ${request} was aborted: ${causeMessage(
            signal.reason,
          )}`,
          { url: shown, status },
        );
      }
      throw new OpenCostRequestError(
        `OpenCost request ${request} failed: ${causeMessage(error)}`,
        { url: shown, status },
      );
    }

    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new OpenCostRequestError(
        `OpenCost response to ${request} (HTTP ${status}) is not JSON: ${
          excerpt(text) || 'empty body'
        }`,
        { url: shown, status },
      );
    }
    const parsed = parseAllocationResponse(body);
    if (!parsed.ok) {
      const { problem } = parsed;
      throw new OpenCostRequestError(
        problem.kind === 'code'
          ? `OpenCost request ${request} answered HTTP ${status} with code ${JSON.stringify(
              problem.code,
            )}: ${problem.message || 'no message'}`
          : `OpenCost response to ${request} (HTTP ${status}) is malformed: ${problem.message}`,
        { url: shown, status },
      );
    }
    return parsed.sets;
  }
}
