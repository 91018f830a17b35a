import { CostSourceSchedule } from '@tollgate/plugin-finops-node';

/** The OpenAI API that a source reads unless configured otherwise. */
export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com';

/** One entry of `tollgate.sources.openai`, read and checked. */
export interface OpenAiSourceConfig {
  /** Unique among OpenAI sources; the source id is `openai:<id>`. */
  id: string;
  /** Base URL without a trailing slash. */
  baseUrl: string;
  /** An organization admin key, sent as `Authorization: Bearer <key>`. */
  adminKey: string;
  /** How long one request may take, in milliseconds. */
  timeoutMs: number;
  schedule: CostSourceSchedule;
}
