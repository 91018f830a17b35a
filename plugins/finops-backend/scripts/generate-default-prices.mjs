#!/usr/bin/env node
// Generates src/pricing/defaultModelPrices.json, the bundled price book, from a LiteLLM
// style model price map. Prices are kept as the decimal text the source wrote, per token.
//
//   node scripts/generate-default-prices.mjs [source.json] [output.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source =
  process.argv[2] ??
  join(here, '..', 'pricing-source', 'litellm-model_prices_and_context_window.json');
const output =
  process.argv[3] ?? join(here, '..', 'src', 'pricing', 'defaultModelPrices.json');

const MODES = new Set(['chat', 'completion', 'embedding', 'responses']);
const FIELDS = {
  input: 'input_cost_per_token',
  output: 'output_cost_per_token',
  cacheRead: 'cache_read_input_token_cost',
  cacheWrite: 'cache_creation_input_token_cost',
  request: 'input_cost_per_request',
};

const map = JSON.parse(readFileSync(source, 'utf8'));
const models = [];
for (const [name, entry] of Object.entries(map)) {
  if (name === 'sample_spec' || !entry || typeof entry !== 'object') continue;
  if (!MODES.has(entry.mode) || typeof entry.input_cost_per_token !== 'number') continue;
  const provider = String(entry.litellm_provider ?? '').trim();
  if (!provider) continue;
  const prices = {};
  for (const [key, field] of Object.entries(FIELDS)) {
    if (typeof entry[field] === 'number' && Number.isFinite(entry[field])) {
      // String(number) is the shortest text that reads back as the same number:
      // the decimal the price map's authors wrote.
      prices[key] = String(entry[field]);
    }
  }
  // Provider-prefixed keys ("openai/gpt-4o") name the model without the prefix.
  const model = name.startsWith(`${provider}/`) ? name.slice(provider.length + 1) : name;
  models.push({ provider, model, ...prices });
}
models.sort((a, b) =>
  a.provider === b.provider ? a.model.localeCompare(b.model) : a.provider.localeCompare(b.provider),
);
const seen = new Set();
const unique = models.filter(m => {
  const key = `${m.provider}\u0000${m.model}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
});
writeFileSync(
  output,
  `${JSON.stringify({ source: 'LiteLLM model_prices_and_context_window.json', unit: 'per token', models: unique }, null, 1)}\n`,
);
console.log(`Wrote ${unique.length} models to ${output}`);
