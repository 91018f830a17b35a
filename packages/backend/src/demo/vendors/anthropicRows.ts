import { anthropicApiKeyId, anthropicWorkspaceId } from './demoVendorAccounts';
import { DemoInvoiceLine, DemoTokenType } from './demoInvoiceLines';
import { vendorBilledNanos } from './vendorBilledNanos';
import { ReportRow } from './reportRows';

/** The rows of the Anthropic Admin API's messages usage and cost reports. */
export interface AnthropicRows {
  usage: ReportRow[];
  cost: ReportRow[];
}

/** What the cost report says of a description's costs, where grouped by it. */
export interface AnthropicCostDetails {
  model: string;
  cost_type: 'tokens';
  token_type: string;
  context_window: string;
  service_tier: string;
}

/**
 * The reports' names of each token type: the usage report's field (and the cost
 * report's `token_type`), and how a cost description says it. The demo's cache writes
 * last five minutes, at the price of a 5-minute write.
 */
const TOKEN_TYPES: Record<DemoTokenType, { field: string; label: string }> = {
  input: { field: 'uncached_input_tokens', label: 'Input Tokens' },
  output: { field: 'output_tokens', label: 'Output Tokens' },
  'cache-read': {
    field: 'cache_read_input_tokens',
    label: 'Cache Read Input Tokens',
  },
  'cache-write': {
    field: 'cache_creation.ephemeral_5m_input_tokens',
    label: '5m Cache Write Input Tokens',
  },
};

/** The names cost descriptions give the demo's models. */
const MODEL_NAMES: Record<string, string> = {
  'claude-sonnet-4-20250514': 'Claude Sonnet 4',
  'claude-3-5-haiku-20241022': 'Claude Haiku 3.5',
};

/** The usage report's token fields, each present in every result. */
export const ANTHROPIC_USAGE_FIELDS = Object.values(TOKEN_TYPES).map(
  t => t.field,
);

/**
 * The Anthropic invoice lines as the Admin API's reports hold them: each capability's
 * usage in its workspace with the workspace's API key, daily, by model (uncached
 * input apart from cache reads and writes); and costs by workspace and description,
 * with the details each description stands for.
 */
export function anthropicRows(
  lines: readonly DemoInvoiceLine[],
): AnthropicRows & {
  details: Map<string, AnthropicCostDetails>;
} {
  const usage = new Map<string, ReportRow>();
  const cost: ReportRow[] = [];
  const details = new Map<string, AnthropicCostDetails>();
  for (const line of lines) {
    if (line.provider !== 'Anthropic') continue;
    const { field, label } = TOKEN_TYPES[line.tokenType];
    const workspace_id = anthropicWorkspaceId(line.capability);
    const description = `${
      MODEL_NAMES[line.model] ?? line.model
    } Usage - ${label}`;
    details.set(description, {
      model: line.model,
      cost_type: 'tokens',
      token_type: field,
      context_window: '0-200k',
      service_tier: 'standard',
    });
    cost.push({
      day: line.day,
      groups: { workspace_id, description },
      values: { amount: vendorBilledNanos(line) },
    });
    const key = JSON.stringify([line.day, line.capability, line.model]);
    let row = usage.get(key);
    if (!row) {
      row = {
        day: line.day,
        groups: {
          model: line.model,
          workspace_id,
          api_key_id: anthropicApiKeyId(line.capability),
        },
        values: Object.fromEntries(ANTHROPIC_USAGE_FIELDS.map(f => [f, 0n])),
      };
      usage.set(key, row);
    }
    row.values[field] += line.tokens;
  }
  return { usage: [...usage.values()], cost, details };
}
