/** An organization report of the OpenAI API that a source reads. */
export interface OpenAiEndpoint {
  /** Names the report in records and messages. */
  name: 'completions' | 'embeddings' | 'costs';
  path: string;
  /** Asked for as repeated `group_by` parameters. */
  groupBy: readonly string[];
  /** The most daily buckets one page may hold. */
  maxBucketsPerPage: number;
}

const USAGE_GROUP_BY = ['model', 'project_id', 'api_key_id'] as const;

/** Completions usage: tokens by model, project and API key. */
export const COMPLETIONS_USAGE: OpenAiEndpoint = {
  name: 'completions',
  path: '/v1/organization/usage/completions',
  groupBy: USAGE_GROUP_BY,
  maxBucketsPerPage: 31,
};

/** Embeddings usage: input tokens by model, project and API key. */
export const EMBEDDINGS_USAGE: OpenAiEndpoint = {
  name: 'embeddings',
  path: '/v1/organization/usage/embeddings',
  groupBy: USAGE_GROUP_BY,
  maxBucketsPerPage: 31,
};

/** Costs: money by invoice line item and project. */
export const COSTS: OpenAiEndpoint = {
  name: 'costs',
  path: '/v1/organization/costs',
  groupBy: ['line_item', 'project_id'],
  maxBucketsPerPage: 180,
};
