import { CostSourceSchedule } from '@tollgate/plugin-finops-node';

/** One entry of `tollgate.sources.litellm`, read and checked. */
export interface LiteLlmSourceConfig {
  /** Unique among LiteLLM sources; the source id is `litellm:<id>`. */
  id: string;
  /** The LiteLLM proxy's base URL, without a trailing slash. */
  baseUrl: string;
  /** The proxy's master key or an admin key, sent as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  schedule: CostSourceSchedule;
}
