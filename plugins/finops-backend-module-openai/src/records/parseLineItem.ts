import { TokenType } from '@tollgate/plugin-finops-common';

/** What a costs line item names: a model and a token type, where it names them. */
export interface LineItem {
  model?: string;
  tokenType?: TokenType;
}

const TOKEN_TYPES: Record<string, TokenType> = {
  input: 'input',
  output: 'output',
  'cached input': 'cache-read',
  'cache read': 'cache-read',
  'cache reads': 'cache-read',
  'cache write': 'cache-write',
  'cache writes': 'cache-write',
  'cached write': 'cache-write',
};

/**
 * Reads an OpenAI costs `line_item` such as `gpt-4o-2024-08-06, input`,
 * `gpt-4o-mini-2024-07-18, cached input`, `priority | gpt-5, output, long context` or
 * `gpt-audio-mini audio, input`: the model is the first word before the first comma
 * (after a `<tier> |` prefix), the token type the words after it. Line items of other
 * charges (`web search tool calls`, `Vector storage`, `whisper-1, audio`) name no token
 * type, and those without a comma no model.
 */
export function parseLineItem(lineItem: string | undefined): LineItem {
  if (!lineItem) {
    return {};
  }
  const untiered = lineItem.replace(/^[^|,]*\|\s*/, '');
  const parts = untiered.split(',').map(part => part.trim());
  if (parts.length < 2 || !parts[0]) {
    return {};
  }
  const model = parts[0].split(/\s+/)[0];
  const tokenType = TOKEN_TYPES[parts[1].toLowerCase()];
  return tokenType ? { model, tokenType } : { model };
}
