import { openAiApiKeyId, openAiProjectId } from './demoVendorAccounts';
import { DemoInvoiceLine, DemoTokenType } from './demoInvoiceLines';
import { vendorBilledNanos } from './vendorBilledNanos';
import { ReportRow } from './reportRows';

/** The rows of the OpenAI organization reports. */
export interface OpenAiRows {
  completions: ReportRow[];
  embeddings: ReportRow[];
  costs: ReportRow[];
}

/** How a costs line item names a token type, after the model: `gpt-4o, cached input`. */
const LINE_ITEM_TOKEN_TYPES: Record<DemoTokenType, string> = {
  input: 'input',
  output: 'output',
  'cache-read': 'cached input',
  'cache-write': 'cache writes',
};

/** About how many input tokens one request of the demo sends. */
const TOKENS_PER_REQUEST = 2_000n;

function isEmbeddingModel(model: string): boolean {
  return model.startsWith('text-embedding');
}

function requests(inputTokens: bigint): bigint {
  return (inputTokens + TOKENS_PER_REQUEST - 1n) / TOKENS_PER_REQUEST;
}

/**
 * The OpenAI invoice lines as the organization reports hold them: each capability's
 * usage in its project (`legacy-batch-job`'s in a project no entity claims) with its
 * project's API key, daily, by model; completions' `input_tokens` including the
 * cached and cache-write tokens; and costs by line item and project, billed as
 * {@link vendorBilledNanos} says.
 */
export function openAiRows(lines: readonly DemoInvoiceLine[]): OpenAiRows {
  const usage = new Map<string, ReportRow>();
  const costs: ReportRow[] = [];
  for (const line of lines) {
    if (line.provider !== 'OpenAI') continue;
    const project_id = openAiProjectId(line.capability);
    costs.push({
      day: line.day,
      groups: {
        line_item: `${line.model}, ${LINE_ITEM_TOKEN_TYPES[line.tokenType]}`,
        project_id,
      },
      values: { amount: vendorBilledNanos(line) },
    });
    const key = JSON.stringify([line.day, line.capability, line.model]);
    let row = usage.get(key);
    if (!row) {
      row = {
        day: line.day,
        groups: {
          model: line.model,
          project_id,
          api_key_id: openAiApiKeyId(line.capability),
        },
        values: {},
      };
      usage.set(key, row);
    }
    row.values[line.tokenType] =
      (row.values[line.tokenType] ?? 0n) + line.tokens;
  }
  const completions: ReportRow[] = [];
  const embeddings: ReportRow[] = [];
  for (const row of usage.values()) {
    const {
      input = 0n,
      output = 0n,
      'cache-read': cacheRead = 0n,
      'cache-write': cacheWrite = 0n,
    } = row.values;
    const inputTokens = input + cacheRead + cacheWrite;
    if (isEmbeddingModel(row.groups.model)) {
      embeddings.push({
        ...row,
        values: {
          input_tokens: inputTokens,
          num_model_requests: requests(inputTokens),
        },
      });
    } else {
      completions.push({
        ...row,
        values: {
          input_tokens: inputTokens,
          input_cached_tokens: cacheRead,
          input_cache_write_tokens: cacheWrite,
          input_uncached_tokens: input,
          output_tokens: output,
          num_model_requests: requests(inputTokens),
        },
      });
    }
  }
  return { completions, embeddings, costs };
}
