/** A report of the Anthropic Admin API that a source reads. */
export interface AnthropicEndpoint {
  /** Names the report in records and messages. */
  name: 'usage' | 'cost';
  path: string;
  /** Asked for as repeated `group_by[]` parameters. */
  groupBy: readonly string[];
  /** The most daily buckets one page may hold. */
  maxBucketsPerPage: number;
}

/** Messages usage: tokens by model, workspace and API key. */
export const MESSAGES_USAGE: AnthropicEndpoint = {
  name: 'usage',
  path: '/v1/organizations/usage_report/messages',
  groupBy: ['model', 'workspace_id', 'api_key_id'],
  maxBucketsPerPage: 31,
};

/** Cost report: money by workspace and description (model, token type, cost type). */
export const COST_REPORT: AnthropicEndpoint = {
  name: 'cost',
  path: '/v1/organizations/cost_report',
  groupBy: ['workspace_id', 'description'],
  maxBucketsPerPage: 31,
};
