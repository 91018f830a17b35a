import { CostSourceSchedule } from '@tollgate/plugin-finops-node';

/** The Anthropic API that a source reads unless configured otherwise. */
export const DEFAULT_ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/** The API version sent as `anthropic-version` with every request. */
export const ANTHROPIC_VERSION = '2023-06-01';

/** One entry of `tollgate.sources.anthropic`, read and checked. */
export interface AnthropicSourceConfig {
  /** Unique among Anthropic sources; the source id is `anthropic:<id>`. */
  id: string;
  /** Base URL without a trailing slash. */
  baseUrl: string;
  /** An Admin API key, sent as `x-api-key`. */
  adminKey: string;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  schedule: CostSourceSchedule;
}
