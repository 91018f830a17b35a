import { ReplayAllocationSet } from './allocations';

/** One request the replay server received, with what it answered. */
export interface ReplayRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  status?: number;
  body?: string;
}

/** What `intercept` may answer instead of the allocations: a delay, and or a status and body. */
export interface ReplayOverride {
  delayMs?: number;
  status?: number;
  body?: string | object;
  contentType?: string;
}

export interface OpenCostReplayServerOptions {
  /** Defaults to 0, any free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /**
   * The allocations of one whole UTC day (YYYY-MM-DD), keyed by allocation name, for
   * the request's `aggregate` parameter.
   */
  allocationsFor(
    day: string,
    request: { aggregate?: string },
  ): ReplayAllocationSet | undefined;
  /** When set, requests must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** Whether includeIdle / idle / shareIdle apply to `__idle__`; defaults to true. */
  honourIdleParameters?: boolean;
  /** Called first for each request; an answer replaces or delays the normal one. */
  intercept?(
    request: ReplayRequest,
  ): ReplayOverride | undefined | Promise<ReplayOverride | undefined>;
}

export interface OpenCostReplayServer {
  /** Base URL, such as http://127.0.0.1:9003. */
  url: string;
  port: number;
  /** Every request received so far, oldest first. */
  requests: ReplayRequest[];
  close(): Promise<void>;
}

export declare function startOpenCostReplayServer(
  options: OpenCostReplayServerOptions,
): Promise<OpenCostReplayServer>;
